using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Insights.Leaderboards;
using Roadmap.Domain.Insights;

namespace Roadmap.Api.Insights;

/// <summary>A roadmap's leaderboard, for anyone: learners who opted in and follow the roadmap, by display name only.</summary>
internal static class LeaderboardEndpoints
{
    public static IEndpointRouteBuilder MapLeaderboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/roadmaps/{slug}/leaderboard", GetLeaderboard)
            .WithTags("Leaderboards")
            .WithName("GetLeaderboard")
            .WithSummary("The roadmap's leaderboard (limit 1-100, default 10) of learners who opted in (showOnLeaderboard) and follow it, " +
                "from their stats (recalculated by a job after each progress change). by=Completion (default): percentComplete, then done, " +
                "descending. by=Streak: the current streak in each learner's time zone, then percentComplete, then done, descending; only " +
                "learners on a streak are listed. Remaining ties: by learner id, descending, a fixed order; ranks are 1, 2, 3… in that order. " +
                "404 for an unknown or draft roadmap.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<LeaderboardDto>, ProblemHttpResult>> GetLeaderboard(
        string slug,
        IMediator mediator,
        CancellationToken cancellationToken,
        LeaderboardOrder by = LeaderboardOrder.Completion,
        int limit = GetLeaderboardQuery.DefaultLimit)
    {
        var result = await mediator.Send(new GetLeaderboardQuery(slug, by, limit), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
