using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// A learner's new time zone moves the days their stats count (active days, streaks, on every roadmap and across them):
/// every enrollment of theirs is marked out of date in the change's own transaction, so the new zone and the
/// recalculation it needs commit together; the drain then rebuilds each roadmap's row and the streaks.
/// </summary>
internal sealed class MarkStatsOfNewTimeZone(IMediator mediator) : INotificationHandler<BeforeCommit<LearnerTimeZoneChangedDomainEvent>>
{
    public async Task Handle(BeforeCommit<LearnerTimeZoneChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        int? next = 0;
        while (next is { } skip)
        {
            var marked = await mediator.Send(new MarkEnrolledLearnersCommand(RoadmapId: null, notification.DomainEvent.LearnerId, skip), cancellationToken);
            next = marked.IsSuccess ? marked.Value.Next : throw new InvalidOperationException($"Marking stats failed: {marked.Error.Code}");
        }
    }
}
