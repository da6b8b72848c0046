using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.RefreshTokens;

internal sealed class RefreshTokensCommandValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumCharacters(UserProfileRules.CredentialMaxLength);
}
