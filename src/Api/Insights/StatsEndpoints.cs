using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Insights.Stats;

namespace Roadmap.Api.Insights;

/// <summary>The signed-in learner's stats, recalculated by background jobs after their progress changes.</summary>
internal static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/stats", GetLearnerStats)
            .WithTags("Insights")
            .RequireAuthorization()
            .WithNoStore()
            .WithName("GetLearnerStats")
            .WithSummary("The learner's stats across roadmaps: currentStreak and longestStreak over the active days of all their roadmaps " +
                "(in their time zone; calculatedAt and lastEventId say how fresh), and a summary row per roadmap they follow, most " +
                "recently followed first (before a roadmap's first recalculation its row counts every topic NotStarted, calculatedAt null).");
        app.MapGet("/api/me/roadmaps/{slug}/stats", GetRoadmapStats)
            .WithTags("Insights")
            .RequireAuthorization()
            .WithNoStore()
            .WithName("GetRoadmapStats")
            .WithSummary("The learner's stats on the roadmap: counts of the current version's live topics, percent complete, minutes " +
                "remaining, streaks and active days in the learner's time zone, projected finish, per-section figures. Recalculated by a " +
                "job within about a second of a progress change: lastEventId says which changes are in; before the first " +
                "recalculation calculatedAt is null and every topic counts as NotStarted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<LearnerStatsDto>, ProblemHttpResult>> GetLearnerStats(IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetLearnerStatsQuery(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RoadmapStatsDto>, ProblemHttpResult>> GetRoadmapStats(
        string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetRoadmapStatsQuery(slug), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
