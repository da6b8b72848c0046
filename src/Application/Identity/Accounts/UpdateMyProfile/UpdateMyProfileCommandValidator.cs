using FluentValidation;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

internal sealed class UpdateMyProfileCommandValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileCommandValidator()
    {
        RuleFor(c => c.DisplayName).MustBeDisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.TimeZone).MustBeTimeZone().When(c => c.TimeZone is not null);
    }
}
