using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Identity.Accounts.RegisterUser;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens.Login;
using Roadmap.Application.Identity.Tokens.Logout;
using Roadmap.Application.Identity.Tokens.RefreshTokens;

namespace Roadmap.Api.Identity;

/// <summary>Accounts and tokens: register, sign in, refresh, sign out.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").WithNoStore().IgnoresStaleTokens();

        group.MapPost("/register", Register)
            .WithName("Register")
            .WithSummary("Opens a Learner account.")
            .RequireRateLimiting(RateLimits.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/login", Login)
            .WithName("Login")
            .WithSummary("Signs in: an access token (short-lived JWT) and a single-use refresh token.")
            .RequireRateLimiting(RateLimits.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/refresh", Refresh)
            .WithName("RefreshTokens")
            .WithSummary("Exchanges a refresh token for a new pair; the old one stops working, and reusing it revokes its family.")
            .RequireRateLimiting(RateLimits.Refresh)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/logout", Logout)
            .WithName("Logout")
            .WithSummary("Revokes the refresh token (and its family).")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    private static async Task<Results<Created<UserProfileDto>, ProblemHttpResult>> Register(
        RegisterUserCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Created("/api/me", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<TokenPairDto>, ProblemHttpResult>> Login(
        LoginCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<TokenPairDto>, ProblemHttpResult>> Refresh(
        RefreshTokenRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RefreshTokensCommand(body.RefreshToken), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(
        RefreshTokenRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LogoutCommand(body.RefreshToken), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}

/// <summary>A body carrying a refresh token.</summary>
internal sealed record RefreshTokenRequest(string RefreshToken);
