using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Insights.Recalculation;

namespace Roadmap.Api.Insights;

/// <summary>Stats recalculation on demand, for Admins.</summary>
internal static class StatsAdminEndpoints
{
    public static IEndpointRouteBuilder MapStatsAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/jobs/recalculate-stats", Recalculate)
            .WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithNoStore()
            .WithName("RecalculateStats")
            .WithSummary("Recalculates learner stats in the background: of the learners enrolled in a roadmap (its slug), of one learner " +
                "(learnerId), of both, or, with neither (or no body), of everyone. 202 with the id of the job, which marks the chosen " +
                "enrollments in batches and has them recalculated; GET /api/admin/jobs lists it once it has run.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    // No Location: the job is Hangfire's, with no resource of this API to poll (the dashboard shows it).
    private static async Task<Results<Accepted<StatsRecalculationStarted>, ProblemHttpResult>> Recalculate(
        RecalculateStatsCommand? command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command ?? new RecalculateStatsCommand(), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value) : result.Error.ToProblem();
    }
}
