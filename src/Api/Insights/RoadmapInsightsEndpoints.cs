using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Insights.AuthorInsights;
using Roadmap.Application.Insights.Contracts;

namespace Roadmap.Api.Insights;

/// <summary>What authors learn of a roadmap's learners, calculated by a job.</summary>
internal static class RoadmapInsightsEndpoints
{
    public static IEndpointRouteBuilder MapRoadmapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/roadmaps/{slug}/insights", GetRoadmapInsights)
            .WithTags("Author insights")
            .RequireAuthorization(AuthorizationPolicies.Author)
            .WithNoStore()
            .WithName("GetRoadmapInsights")
            .WithSummary("The roadmap's learners as its authors see them (drafts included): learners following it, those active in the " +
                "last 30 days (UTC), average completion, ten completion buckets (0–9.9 … 90–100), average completion per live section, " +
                "the ten most skipped live topics, and the median days from InProgress to Done per live topic. Only learners still " +
                "following count. Calculated by a job every hour and after a new version, never on request: calculatedAt says " +
                "when; before the first calculation it is null, with zeros and empty lists.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<RoadmapInsightsDto>, ProblemHttpResult>> GetRoadmapInsights(
        string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetRoadmapInsightsQuery(slug), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
