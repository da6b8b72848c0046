using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.ImportProgress;

/// <summary>
/// The import as one read-modify-write in one transaction, each topic's change recorded as a PUT records it
/// (<see cref="ProgressChanges"/>): a new version, an event and the domain event, stamped with the time of the import.
/// </summary>
internal sealed class ImportProgressCommandHandler(
    ICatalogReader catalog,
    IRepository<TopicProgress> progress,
    IRepository<ProgressEvent> events,
    IRepository<Enrollment> enrollments,
    IEnrollmentActivity activity,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IClock clock)
    : IRequestHandler<ImportProgressCommand, Result<ProgressImportResultDto>>
{
    public async Task<Result<ProgressImportResultDto>> Handle(ImportProgressCommand request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;
        var document = request.Document;
        if (!string.Equals(document.Roadmap, outline.Slug, StringComparison.Ordinal))
        {
            return LearningErrors.OtherRoadmap(outline.Slug, document.Roadmap);
        }

        var now = clock.UtcNow;
        var matched = Match(outline, document.Topics!, now);
        if (!matched.IsSuccess)
        {
            return matched.Error;
        }

        var (known, unknown) = matched.Value;

        // Importing is writing progress: it follows the roadmap, as a PUT does.
        var (enrollment, started) = await enrollments.FollowAsync(learnerId, outline.Id, now, cancellationToken);
        if (started && outline.Status == RoadmapStatus.Archived)
        {
            return LearningErrors.RoadmapArchived(outline.Slug);
        }

        var stored = await progress.ListAsync(new RoadmapProgressSpec(learnerId, outline.Id, forUpdate: true), cancellationToken);
        var changes = new ProgressChanges(progress, events, learnerId, outline.Id, stored);
        var updated = 0;
        foreach (var (topic, item) in known)
        {
            // The stored progress is as recent as the document's (or more): it stays, so a second import changes nothing.
            // As a time of this service is kept (as the clock gives it): a change stored with it compares equal to it
            // when the document is imported again.
            var changedAt = item.UpdatedAt!.Value.ToStored();
            if (changes.Stored(topic.Id)?.IsAsRecentAs(changedAt) == true)
            {
                continue;
            }

            var applied = changes.Apply(topic, item.Status!.Value, TopicProgress.SetNote(item.Note), now, changedAt);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }

            if (applied.Value.Appended is not null)
            {
                updated++;
            }
        }

        await changes.SaveAsync(enrollment, activity, unitOfWork, now, cancellationToken);
        return new ProgressImportResultDto(updated, known.Count - updated, unknown);
    }

    /// <summary>
    /// Each document topic's live topic (by id, then by slug or former slug), and the names of those not found. A topic
    /// named twice, or a time ahead of now, is reported at its place.
    /// </summary>
    private static Result<(List<(TopicOutline Topic, ProgressTopicDocument Item)> Known, List<string> Unknown)> Match(
        RoadmapOutline outline, IReadOnlyList<ProgressTopicDocument> items, DateTimeOffset now)
    {
        var faults = new Dictionary<string, string[]>();
        var known = new List<(TopicOutline, ProgressTopicDocument)>();
        var unknown = new List<string>();
        var seen = new Dictionary<Guid, int>();
        var seenUnknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var latest = now + ImportProgressCommand.ClockTolerance;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.UpdatedAt > latest)
            {
                faults[$"topics[{i}].updatedAt"] = [$"'{item.Topic}' cannot have changed after now ({now:O})."];
            }

            var topic = (item.TopicId is { } id ? outline.Topics.FirstOrDefault(t => t.Id == id) : null) ?? outline.FindTopic(item.Topic);
            var first = topic is null
                ? (seenUnknown.TryGetValue(item.Topic, out var u) ? u : (int?)null)
                : (seen.TryGetValue(topic.Id, out var k) ? k : null);
            if (first is not null)
            {
                faults[$"topics[{i}].topic"] = [$"'{item.Topic}' is the same topic as topics[{first}]; name each topic once."];
            }
            else if (topic is null)
            {
                seenUnknown[item.Topic] = i;
                unknown.Add(item.Topic);
            }
            else
            {
                seen[topic.Id] = i;
                known.Add((topic, item));
            }
        }

        return faults.Count == 0
            ? (known, unknown)
            : Error.Validation("validation", "One or more topics are invalid; nothing was changed.", faults);
    }
}
