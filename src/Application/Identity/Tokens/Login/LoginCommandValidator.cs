using FluentValidation;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Login;

internal sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserProfileRules.EmailMaxLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(UserProfileRules.CredentialMaxLength);
    }
}
