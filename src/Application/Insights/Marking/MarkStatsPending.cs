using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// A progress change marks the learner's stats on that roadmap out of date, in the change's own transaction: the mark
/// commits with the change or not at all, so a crash between the write and the recalculation loses nothing.
/// </summary>
internal sealed class MarkStatsPending(IRepository<StatsMark> marks, IClock clock)
    : INotificationHandler<BeforeCommit<TopicProgressChangedDomainEvent>>
{
    public Task Handle(BeforeCommit<TopicProgressChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        marks.Add(StatsMark.For(notification.DomainEvent.LearnerId, notification.DomainEvent.RoadmapId, clock.UtcNow));
        return Task.CompletedTask;
    }
}
