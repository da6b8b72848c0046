using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Login;

internal sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumCharacters(UserProfileRules.EmailMaxLength);
        RuleFor(c => c.Password).NotEmpty().MaximumCharacters(UserProfileRules.CredentialMaxLength);
    }
}
