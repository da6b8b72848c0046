using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress;

/// <summary>
/// A learner's stored progress on topics of one roadmap, loaded (tracked) for a change, and the one way a change of a
/// topic is recorded: a PUT, a batch and an import change progress, append events and note the activity alike.
/// </summary>
internal sealed class ProgressChanges(
    IRepository<TopicProgress> progress, IRepository<ProgressEvent> events, Guid learnerId, Guid roadmapId, IEnumerable<TopicProgress> stored)
{
    private readonly Dictionary<Guid, TopicProgress> _stored = stored.ToDictionary(p => p.TopicId);
    private bool _appended;

    /// <summary>The stored progress on a topic, or null while nobody wrote it.</summary>
    public TopicProgress? Stored(Guid topicId) => _stored.GetValueOrDefault(topicId);

    /// <summary>
    /// Sets the topic's status and note through <see cref="TopicProgress.Update"/>. An effective change adds the progress
    /// when it is new and appends its event (with the topic's slug of now); no change leaves everything as it was.
    /// </summary>
    public Result<RecordedChange> Apply(TopicOutline topic, ProgressStatus status, NoteChange note, DateTimeOffset now, DateTimeOffset? changedAt = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var item = Stored(topic.Id);
        var isNew = item is null;
        item ??= TopicProgress.Untouched(learnerId, roadmapId, topic.Id);
        var changed = item.Update(status, note, now, changedAt);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        ProgressEvent? appended = null;
        if (changed.Value)
        {
            if (isNew)
            {
                progress.Add(item);
                _stored[topic.Id] = item;
            }

            appended = ProgressEvent.Record(item.DomainEvents.OfType<TopicProgressChangedDomainEvent>().Last(), topic.Slug);
            events.Add(appended);
            _appended = true;
        }

        return new RecordedChange(topic, item, appended);
    }

    /// <summary>
    /// When any change was recorded: saves, in the command's transaction, so the events' ids (given by the database)
    /// can be answered, and then moves the enrollment's last activity forward (<see cref="IEnrollmentActivity"/>: the
    /// enrollment may be new in this transaction). Otherwise nothing.
    /// </summary>
    public async Task SaveAsync(
        Enrollment enrollment, IEnrollmentActivity activity, IUnitOfWork unitOfWork, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(unitOfWork);
        if (_appended)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await activity.RecordAsync(enrollment.Id, now, cancellationToken);
        }
    }
}

/// <summary>A topic's progress after a change was applied, with the event it appended (null when nothing changed).</summary>
internal sealed record RecordedChange(TopicOutline Topic, TopicProgress Progress, ProgressEvent? Appended);
