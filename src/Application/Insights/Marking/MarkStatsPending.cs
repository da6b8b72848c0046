using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// A progress change marks the learner's stats on that roadmap out of date, in the change's own transaction: the mark
/// commits with the change or not at all, so a crash between the write and the recalculation loses nothing. Following
/// a roadmap (again) marks them too, so every follower has a calculated row (on the leaderboard too) without writing;
/// a first write that follows marks twice, which the recalculation coalesces.
/// </summary>
internal sealed class MarkStatsPending(IRepository<StatsMark> marks, IClock clock)
    : INotificationHandler<BeforeCommit<TopicProgressChangedDomainEvent>>, INotificationHandler<BeforeCommit<RoadmapFollowedDomainEvent>>
{
    public Task Handle(BeforeCommit<TopicProgressChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Mark(notification.DomainEvent.LearnerId, notification.DomainEvent.RoadmapId);
    }

    public Task Handle(BeforeCommit<RoadmapFollowedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Mark(notification.DomainEvent.LearnerId, notification.DomainEvent.RoadmapId);
    }

    private Task Mark(Guid learnerId, Guid roadmapId)
    {
        marks.Add(StatsMark.For(learnerId, roadmapId, clock.UtcNow));
        return Task.CompletedTask;
    }
}
