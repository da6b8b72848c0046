using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Stats;

/// <summary>The signed-in learner's stats on a published or archived roadmap, as of now.</summary>
public sealed record GetRoadmapStatsQuery(string Roadmap) : IQuery<Result<RoadmapStatsDto>>;

internal sealed class GetRoadmapStatsQueryHandler(
    ICatalogReader catalog,
    IReadRepository<LearnerRoadmapStats> stats,
    ILearnerProfiles profiles,
    ICurrentUser user,
    IClock clock,
    IMapper mapper) : IRequestHandler<GetRoadmapStatsQuery, Result<RoadmapStatsDto>>
{
    public async Task<Result<RoadmapStatsDto>> Handle(GetRoadmapStatsQuery request, CancellationToken cancellationToken)
    {
        if (user.Id is not { } learnerId)
        {
            return InsightsErrors.SignedInOnly;
        }

        var outline = await catalog.GetRoadmapOutlineAsync(request.Roadmap, cancellationToken);
        if (outline is null || outline.Status == RoadmapStatus.Draft)
        {
            return InsightsErrors.RoadmapNotFound(request.Roadmap);
        }

        var row = await stats.SingleOrDefaultAsync(new LearnerRoadmapStatsSpec(learnerId, outline.Id), cancellationToken);
        if (row is null)
        {
            var profile = (await profiles.FindAsync(new[] { learnerId }, cancellationToken)).GetValueOrDefault(learnerId);
            row = LearnerRoadmapStats.NotYetCalculated(learnerId, outline.Id, outline.ToStatsSource(), LocalCalendar.Zone(profile?.TimeZone));
        }

        return InsightsMappings.MapStats(mapper, row, outline.Slug, clock.UtcNow);
    }
}
