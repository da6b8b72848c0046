using FluentValidation;

namespace Roadmap.Application.Identity.Tokens.Logout;

internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(256);
}
