using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// A new version of a public roadmap changes every learner's totals (topics added and retired): once the change is
/// committed, a job marks the roadmap's learners in batches and recalculates them, so no learner has to write, and the
/// author's request does not grow with the number of learners. (Publishing version 1 and archiving change no figure:
/// a draft has no learners, and stats count an archived roadmap's topics as before.)
/// </summary>
internal sealed class RecalculateLearnersOfNewVersion(IStatsRecalculationJobs jobs)
    : INotificationHandler<AfterCommit<RoadmapVersionPublishedDomainEvent>>
{
    public Task Handle(AfterCommit<RoadmapVersionPublishedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        jobs.EnqueueRecalculation(notification.DomainEvent.RoadmapId, learnerId: null);
        return Task.CompletedTask;
    }
}
