using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.AuthorInsights;

/// <summary>
/// A roadmap's insights for its authors, drafts included (who may ask is the endpoint's policy), as last calculated
/// by the job; never computed on the request path.
/// </summary>
public sealed record GetRoadmapInsightsQuery(string Roadmap) : IQuery<Result<RoadmapInsightsDto>>;

internal sealed class GetRoadmapInsightsQueryHandler(ICatalogReader catalog, IReadRepository<RoadmapInsights> insights, IMapper mapper)
    : IRequestHandler<GetRoadmapInsightsQuery, Result<RoadmapInsightsDto>>
{
    public async Task<Result<RoadmapInsightsDto>> Handle(GetRoadmapInsightsQuery request, CancellationToken cancellationToken)
    {
        var outline = await catalog.GetRoadmapOutlineAsync(request.Roadmap, cancellationToken);
        if (outline is null)
        {
            return InsightsErrors.RoadmapNotFound(request.Roadmap);
        }

        var row = await insights.SingleOrDefaultAsync(new RoadmapInsightsSpec(outline.Id, readOnly: true), cancellationToken)
            ?? RoadmapInsights.NotYetCalculated(
                outline.Id,
                outline.Version,
                [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
                [.. outline.Topics.Select(t => new InsightsTopic(t.Id, t.Slug))]);
        return mapper.Map<RoadmapInsightsDto>(row);
    }
}
