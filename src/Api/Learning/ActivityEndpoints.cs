using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.GetActivity;

namespace Roadmap.Api.Learning;

/// <summary>The signed-in learner's activity: progress changes per local day, across all their roadmaps.</summary>
internal static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/activity").WithTags("Learning").RequireAuthorization().WithNoStore();

        group.MapGet("/", GetActivity)
            .WithName("GetActivity")
            .WithSummary("Progress changes per day, in the learner's time zone, across all their roadmaps (retired topics' events " +
                "included: they are history): only days with a change, oldest first, each with how many changes moved a topic to Done. " +
                "from and to are local dates (YYYY-MM-DD, inclusive, at most 366 days); to defaults to today, from to 364 days before to.")
            .ProducesValidationProblem();

        return app;
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetActivity(
        IMediator mediator, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var result = await mediator.Send(new GetActivityQuery(from, to), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
