using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateTopicProgress;

/// <summary>
/// One read-modify-write of a topic's progress. The version is the row's concurrency token, so of two writers that
/// read the same version only the first saves; the other's command runs again from the new version (and, if it
/// expected the old one, gets 412). The first write of a topic races on the unique (learner, topic) index the same way.
/// </summary>
internal sealed class UpdateTopicProgressCommandHandler(
    ICatalogReader catalog,
    IRepository<TopicProgress> progress,
    IRepository<ProgressEvent> events,
    IRepository<Enrollment> enrollments,
    IEnrollmentActivity activity,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IClock clock,
    IMapper mapper)
    : IRequestHandler<UpdateTopicProgressCommand, Result<TopicProgressUpdateDto>>
{
    public async Task<Result<TopicProgressUpdateDto>> Handle(UpdateTopicProgressCommand request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var topic = outline.FindTopic(request.Topic);
        if (topic is null)
        {
            return LearningErrors.TopicNotFound(outline.Slug, request.Topic);
        }

        var now = clock.UtcNow;
        var current = await progress.SingleOrDefaultAsync(new TopicProgressSpec(learnerId, topic.Id), cancellationToken);
        if (request.ExpectedVersions is { } expected && !expected.Contains(current?.Version ?? 0))
        {
            return LearningErrors.ProgressChanged(topic.Slug);
        }

        // Writing progress follows the roadmap; an archived one can no longer be followed, only written by its learners.
        var (enrollment, started) = await enrollments.FollowAsync(learnerId, outline.Id, now, cancellationToken);
        if (started && outline.Status == RoadmapStatus.Archived)
        {
            return LearningErrors.RoadmapArchived(outline.Slug);
        }

        // An array: a one-element collection expression would compile to a type outside any namespace, which the architecture rules refuse.
        var changes = new ProgressChanges(progress, events, learnerId, outline.Id, current is null ? [] : new[] { current });
        var note = request.NoteSent ? TopicProgress.SetNote(request.Note) : TopicProgress.KeepNote;
        var recorded = changes.Apply(topic, request.Status!.Value, note, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        await changes.SaveAsync(enrollment, activity, unitOfWork, now, cancellationToken);
        return mapper.Map<TopicProgressUpdateDto>(recorded.Value);
    }
}
