using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Logout;

internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumCharacters(UserProfileRules.CredentialMaxLength);
}
