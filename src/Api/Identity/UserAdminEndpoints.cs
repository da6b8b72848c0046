using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Identity.Accounts.SetUserRoles;
using Roadmap.Application.Identity.Contracts;

namespace Roadmap.Api.Identity;

/// <summary>The Admin's management of accounts.</summary>
internal static class UserAdminEndpoints
{
    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Admin").RequireAuthorization(AuthorizationPolicies.Admin).WithNoStore();

        users.MapPut("/{id:guid}/roles", SetRoles)
            .WithName("SetUserRoles")
            .WithSummary("Sets a user's roles (Learner, Author, Admin); every account stays a Learner.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<UserProfileDto>, ProblemHttpResult>> SetRoles(
        Guid id, SetRolesRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SetUserRolesCommand(id, body.Roles), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}

internal sealed record SetRolesRequest(IReadOnlyList<string> Roles);
