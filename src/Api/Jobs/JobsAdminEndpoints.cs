using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Jobs;

namespace Roadmap.Api.Jobs;

/// <summary>The background jobs as data, for Admins (the dashboard shows the same for a browser).</summary>
internal static class JobsAdminEndpoints
{
    public static IEndpointRouteBuilder MapJobsAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/jobs", List)
            .WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithNoStore()
            .WithName("ListJobs")
            .WithSummary("The recurring jobs (id, cron in UTC, last run and how it ended, next run) and the most recent finished runs " +
                "of any job, succeeded or failed, newest first.");
        return app;
    }

    private static async Task<Results<Ok<JobsOverviewDto>, ProblemHttpResult>> List(IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetJobsOverviewQuery(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
