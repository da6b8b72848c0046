using FluentValidation;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

internal sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesCommandValidator()
    {
        RuleFor(c => c.Roles).NotNull().WithMessage("The roles to hold are required: a list, [] for none beyond Learner.");
        RuleForEach(c => c.Roles).Must(r => Roles.Named(r) is not null)
            .WithMessage($"A role is one of: {string.Join(", ", Roles.All)}.");
    }
}
