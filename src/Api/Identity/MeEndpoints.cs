using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Identity.Accounts.GetMyProfile;
using Roadmap.Application.Identity.Accounts.UpdateMyProfile;
using Roadmap.Application.Identity.Contracts;

namespace Roadmap.Api.Identity;

/// <summary>The signed-in user's profile.</summary>
internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Profile").RequireAuthorization().WithNoStore();
        me.MapGet("/", GetProfile)
            .WithName("GetMyProfile")
            .WithSummary("The signed-in user's profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPatch("/", UpdateProfile)
            .WithName("UpdateMyProfile")
            .WithSummary("Changes displayName, timeZone (IANA) or showOnLeaderboard; fields left out stay as they are.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static async Task<Results<Ok<UserProfileDto>, ProblemHttpResult>> GetProfile(
        IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetMyProfileQuery(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<UserProfileDto>, ProblemHttpResult>> UpdateProfile(
        UpdateProfileRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(
            new UpdateMyProfileCommand(body.DisplayName, body.TimeZone, body.ShowOnLeaderboard), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}

/// <summary>A partial profile: every field is optional, and one left out stays as it is.</summary>
internal sealed record UpdateProfileRequest
{
    public string? DisplayName { get; init; }

    public string? TimeZone { get; init; }

    public bool? ShowOnLeaderboard { get; init; }
}
