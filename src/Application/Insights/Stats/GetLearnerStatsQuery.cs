using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Stats;

/// <summary>The signed-in learner's stats across the roadmaps they follow, as of now: streaks over all their roadmaps, a row per followed one.</summary>
public sealed record GetLearnerStatsQuery : IQuery<Result<LearnerStatsDto>>;

internal sealed class GetLearnerStatsQueryHandler(
    IReadRepository<Enrollment> enrollments,
    IReadRepository<LearnerRoadmapStats> stats,
    IReadRepository<LearnerStreaks> streaks,
    ICatalogReader catalog,
    ILearnerProfiles profiles,
    ICurrentUser user,
    IClock clock,
    IMapper mapper) : IRequestHandler<GetLearnerStatsQuery, Result<LearnerStatsDto>>
{
    public async Task<Result<LearnerStatsDto>> Handle(GetLearnerStatsQuery request, CancellationToken cancellationToken)
    {
        if (user.Id is not { } learnerId)
        {
            return InsightsErrors.SignedInOnly;
        }

        var now = clock.UtcNow;
        var followed = await enrollments.ListAsync(new FollowedRoadmapsSpec(learnerId), cancellationToken);
        var rows = followed.Count == 0
            ? new Dictionary<Guid, LearnerRoadmapStats>()
            : (await stats.ListAsync(new LearnerStatsOnRoadmapsSpec(learnerId, followed), cancellationToken)).ToDictionary(s => s.RoadmapId);
        var names = followed.Count == 0 ? new Dictionary<Guid, RoadmapName>() : await catalog.GetRoadmapNamesAsync(followed, cancellationToken);

        var summaries = new List<RoadmapStatsSummaryDto>(followed.Count);
        TimeZoneInfo? zone = null;
        foreach (var roadmapId in followed.Where(names.ContainsKey))
        {
            if (!rows.TryGetValue(roadmapId, out var row))
            {
                // Not recalculated yet: the live topics of the current version, all NotStarted (one outline read per such roadmap).
                if (await catalog.GetRoadmapOutlineAsync(roadmapId, cancellationToken) is not { } outline)
                {
                    continue;
                }

                zone ??= LocalCalendar.Zone((await profiles.FindAsync(new[] { learnerId }, cancellationToken)).GetValueOrDefault(learnerId)?.TimeZone);
                row = LearnerRoadmapStats.NotYetCalculated(learnerId, roadmapId, outline.ToStatsSource(), zone);
            }

            summaries.Add(InsightsMappings.MapSummary(mapper, row, names[roadmapId].Slug, names[roadmapId].Title, now));
        }

        var learner = await streaks.SingleOrDefaultAsync(new LearnerStreaksSpec(learnerId), cancellationToken)
            ?? LearnerStreaks.None(learnerId);
        return InsightsMappings.MapLearnerStats(mapper, learner, summaries, now);
    }
}
