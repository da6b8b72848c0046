using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

/// <summary>Sets a user's roles; every account stays a Learner.</summary>
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : ICommand<Result<UserProfileDto>>;

internal sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesCommandValidator()
    {
        RuleFor(c => c.Roles).NotNull();
        RuleForEach(c => c.Roles).Must(r => Roles.All.Contains(r))
            .WithMessage($"A role is one of: {string.Join(", ", Roles.All)}.");
    }
}

internal sealed class SetUserRolesCommandHandler(IUserAccounts accounts) : IRequestHandler<SetUserRolesCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(SetUserRolesCommand request, CancellationToken cancellationToken) =>
        accounts.SetRolesAsync(request.UserId, request.Roles.Append(Roles.Learner).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
}
