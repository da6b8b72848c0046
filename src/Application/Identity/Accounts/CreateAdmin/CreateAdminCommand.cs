using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.CreateAdmin;

/// <summary>Creates an Admin (or promotes an existing account): the bootstrap configuration and the users command.</summary>
public sealed record CreateAdminCommand(string Email, string Password, string DisplayName = "Admin") : ICommand<Result<UserProfileDto>>;

internal sealed class CreateAdminCommandValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminCommandValidator()
    {
        RuleFor(c => c.Email).MustBeEmail();
        RuleFor(c => c.Password).MustBePasswordCandidate();
        RuleFor(c => c.DisplayName).MustBeDisplayName();
    }
}

internal sealed class CreateAdminCommandHandler(IUserAccounts accounts) : IRequestHandler<CreateAdminCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(CreateAdminCommand request, CancellationToken cancellationToken) =>
        accounts.EnsureAdminAsync(request.Email.Trim(), request.Password, request.DisplayName.Trim(), cancellationToken);
}
