using FluentValidation;

namespace Roadmap.Application.Identity.Accounts.RegisterUser;

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
