using FluentValidation;

namespace Roadmap.Application.Identity.Accounts.CreateAdmin;

internal sealed class CreateAdminCommandValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminCommandValidator()
    {
        RuleFor(c => c.Email).MustBeEmail();
        RuleFor(c => c.Password).MustBePasswordCandidate();
        RuleFor(c => c.DisplayName).MustBeDisplayName();
    }
}
