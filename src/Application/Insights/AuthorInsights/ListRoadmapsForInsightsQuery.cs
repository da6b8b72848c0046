using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights.AuthorInsights;

/// <summary>The roadmaps whose insights the recurring job recalculates: the published ones and the archived ones, whose followers may still write progress.</summary>
public sealed record ListRoadmapsForInsightsQuery : IQuery<Result<IReadOnlyList<Guid>>>;

internal sealed class ListRoadmapsForInsightsQueryHandler(IReadRepository<LearningRoadmap> roadmaps)
    : IRequestHandler<ListRoadmapsForInsightsQuery, Result<IReadOnlyList<Guid>>>
{
    public async Task<Result<IReadOnlyList<Guid>>> Handle(ListRoadmapsForInsightsQuery request, CancellationToken cancellationToken) =>
        await roadmaps.ListAsync(new FollowedRoadmapIdsSpec(), cancellationToken);
}
