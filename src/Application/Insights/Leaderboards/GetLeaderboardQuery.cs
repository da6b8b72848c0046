using FluentValidation;
using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Leaderboards;

/// <summary>A published or archived roadmap's leaderboard: the first <see cref="Limit"/> learners who opted in and follow it.</summary>
public sealed record GetLeaderboardQuery(string Roadmap, LeaderboardOrder By = LeaderboardOrder.Completion, int Limit = GetLeaderboardQuery.DefaultLimit)
    : IQuery<Result<LeaderboardDto>>
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

internal sealed class GetLeaderboardQueryValidator : AbstractValidator<GetLeaderboardQuery>
{
    public GetLeaderboardQueryValidator()
    {
        RuleFor(q => q.By).IsInEnum();
        RuleFor(q => q.Limit).InclusiveBetween(1, GetLeaderboardQuery.MaxLimit);
    }
}

/// <summary>
/// Reads the roadmap's stats rows in the board's order a page at a time (never every learner at once), keeps those who
/// opted in (the profiles port) and still follow the roadmap, and stops once the board is full or the rows run out.
/// </summary>
internal sealed class GetLeaderboardQueryHandler(
    ICatalogReader catalog,
    IReadRepository<LearnerRoadmapStats> stats,
    IReadRepository<Enrollment> enrollments,
    ILearnerProfiles profiles,
    IClock clock,
    IMapper mapper) : IRequestHandler<GetLeaderboardQuery, Result<LeaderboardDto>>
{
    public async Task<Result<LeaderboardDto>> Handle(GetLeaderboardQuery request, CancellationToken cancellationToken)
    {
        var outline = await catalog.GetRoadmapOutlineAsync(request.Roadmap, cancellationToken);
        if (outline is null || outline.Status == RoadmapStatus.Draft)
        {
            return InsightsErrors.RoadmapNotFound(request.Roadmap);
        }

        var now = clock.UtcNow;
        var board = new Leaderboard(request.By, request.Limit, now);
        var since = Leaderboard.StreaksSince(now);

        // Twice the places asked for (most learners may not have opted in), within bounds that keep a page one cheap query.
        var pageSize = Math.Clamp(request.Limit * 2, 50, 200);
        for (var skip = 0; !board.IsFull; skip += pageSize)
        {
            var page = await stats.ListAsync(new LeaderboardPageSpec(outline.Id, request.By, since, skip, pageSize), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(c => c.LearnerId).ToArray();
            var shown = await profiles.FindAsync(ids, cancellationToken);
            var opted = ids.Where(id => shown.TryGetValue(id, out var profile) && profile.ShowOnLeaderboard).ToArray();
            var following = opted.Length == 0
                ? []
                : (await enrollments.ListAsync(new FollowersAmongSpec(outline.Id, opted), cancellationToken)).ToHashSet();
            foreach (var candidate in page.Where(c => following.Contains(c.LearnerId)))
            {
                board.Offer(candidate, shown[candidate.LearnerId].DisplayName);
            }

            if (page.Count < pageSize)
            {
                break;
            }
        }

        return new LeaderboardDto(request.By, [.. board.Places.Select(p => mapper.Map<LeaderboardEntryDto>(p))]);
    }
}
