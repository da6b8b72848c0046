using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateProgressBatch;

/// <summary>The batch as one read-modify-write in one transaction, with the same rules as a single topic's update.</summary>
internal sealed class UpdateProgressBatchCommandHandler(
    ICatalogReader catalog,
    IRepository<TopicProgress> progress,
    IRepository<ProgressEvent> events,
    IRepository<Enrollment> enrollments,
    IEnrollmentActivity activity,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IClock clock,
    IMapper mapper)
    : IRequestHandler<UpdateProgressBatchCommand, Result<ProgressBatchResultDto>>
{
    public async Task<Result<ProgressBatchResultDto>> Handle(UpdateProgressBatchCommand request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var topics = Resolve(outline, request.Items);
        if (!topics.IsSuccess)
        {
            return topics.Error;
        }

        var now = clock.UtcNow;
        var (enrollment, started) = await enrollments.FollowAsync(learnerId, outline.Id, now, cancellationToken);
        if (started && outline.Status == RoadmapStatus.Archived)
        {
            return LearningErrors.RoadmapArchived(outline.Slug);
        }

        var stored = await progress.ListAsync(new RoadmapProgressSpec(learnerId, outline.Id, forUpdate: true), cancellationToken);
        var changes = new ProgressChanges(progress, events, learnerId, outline.Id, stored);
        var recorded = new List<RecordedChange>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var change = request.Items[i];
            var note = change.NoteSent ? TopicProgress.SetNote(change.Note) : TopicProgress.KeepNote;
            var applied = changes.Apply(topics.Value[i], change.Status!.Value, note, now);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }

            recorded.Add(applied.Value);
        }

        await changes.SaveAsync(enrollment, activity, unitOfWork, now, cancellationToken);
        var items = recorded.Select(r => mapper.Map<TopicProgressUpdateDto>(r)).ToList();
        return new ProgressBatchResultDto(items.Count(i => i.EventId is not null), items.Count(i => i.EventId is null), items);
    }

    /// <summary>Each item's live topic; every unknown, retired or repeated one is reported at its place.</summary>
    private static Result<List<TopicOutline>> Resolve(RoadmapOutline outline, IReadOnlyList<ProgressBatchItem> items)
    {
        var faults = new Dictionary<string, string[]>();
        var resolved = new List<TopicOutline>();
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var topic = outline.FindTopic(items[i].Topic);
            if (topic is null)
            {
                faults[$"items[{i}].topic"] = [$"'{outline.Slug}' has no live topic '{items[i].Topic}'."];
            }
            else if (seen.TryGetValue(topic.Id, out var first))
            {
                faults[$"items[{i}].topic"] = [$"'{items[i].Topic}' is the same topic as items[{first}]; name each topic once."];
            }
            else
            {
                seen[topic.Id] = i;
                resolved.Add(topic);
            }
        }

        return faults.Count == 0
            ? resolved
            : Error.Validation("validation", "One or more items are invalid; nothing was changed.", faults);
    }
}
