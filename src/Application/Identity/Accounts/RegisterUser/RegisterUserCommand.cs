using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts.RegisterUser;

/// <summary>Opens a Learner account.</summary>
public sealed record RegisterUserCommand(string Email, string Password, string DisplayName, string? TimeZone) : ICommand<Result<UserProfileDto>>;

internal sealed class RegisterUserCommandValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserCommandValidator()
    {
        RuleFor(c => c.Email).MustBeEmail();
        RuleFor(c => c.Password).MustBePasswordCandidate();
        RuleFor(c => c.DisplayName).MustBeDisplayName();
        RuleFor(c => c.TimeZone).MustBeTimeZone().When(c => c.TimeZone is not null);
    }
}

internal sealed class RegisterUserCommandHandler(IUserAccounts accounts) : IRequestHandler<RegisterUserCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(RegisterUserCommand request, CancellationToken cancellationToken) =>
        accounts.CreateAsync(
            request.Email.Trim(),
            request.Password,
            request.DisplayName.Trim(),
            request.TimeZone ?? UserProfileRules.DefaultTimeZone,
            cancellationToken);
}
