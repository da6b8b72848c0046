using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments.FollowRoadmap;
using Roadmap.Application.Learning.Enrollments.GetEnrollment;
using Roadmap.Application.Learning.Enrollments.LeaveRoadmap;
using Roadmap.Application.Learning.Enrollments.ListEnrollments;

namespace Roadmap.Api.Learning;

/// <summary>The roadmaps the signed-in learner follows: follow, list, read one, leave.</summary>
internal static class EnrollmentEndpoints
{
    public static IEndpointRouteBuilder MapEnrollmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/enrollments").WithTags("Learning").RequireAuthorization().WithNoStore();

        group.MapPost("/", Follow)
            .WithName("FollowRoadmap")
            .WithSummary("Follows a published roadmap: 201 the first time (or again after leaving), 200 when already following.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", List)
            .WithName("ListEnrollments")
            .WithSummary("The roadmaps the learner follows, most recently followed first, a page at a time.")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", Get)
            .WithName("GetEnrollment")
            .WithSummary("The learner's following of one roadmap (where a follow's Location points): when followed and last active; 404 when not followed.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{slug}", Leave)
            .WithName("LeaveRoadmap")
            .WithSummary("Stops following a roadmap; progress is kept and comes back on following again.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Created<EnrollmentDto>, Ok<EnrollmentDto>, ProblemHttpResult>> Follow(
        FollowRoadmapCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (enrollment, created) = result.Value;
        return created
            ? TypedResults.Created($"/api/me/enrollments/{enrollment.RoadmapSlug}", enrollment)
            : TypedResults.Ok(enrollment);
    }

    private static async Task<Results<Ok<PagedList<EnrollmentListItemDto>>, ProblemHttpResult>> List(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = IPagedRequest.DefaultPageSize)
    {
        var result = await mediator.Send(new ListEnrollmentsQuery(page, pageSize), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<EnrollmentListItemDto>, ProblemHttpResult>> Get(string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetEnrollmentQuery(slug), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Leave(string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LeaveRoadmapCommand(slug), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
