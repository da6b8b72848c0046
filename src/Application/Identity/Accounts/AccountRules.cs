using FluentValidation;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts;

internal static class AccountRules
{
    public static IRuleBuilderOptions<T, string> MustBeEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(UserProfileRules.EmailMaxLength).EmailAddress()
            .Must(UserProfileRules.HasNoHiddenCharacters).WithMessage("An email may not contain spaces, control or invisible characters.");

    public static IRuleBuilderOptions<T, string?> MustBeDisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(ShownText.HasVisibleCharacter).WithMessage("A display name is required (invisible characters alone are none).")
            .MaximumLength(UserProfileRules.DisplayNameMaxLength)
            .Must(ShownText.IsPrintable).WithMessage("A display name may not contain control or text-direction characters.");

    public static IRuleBuilderOptions<T, string?> MustBeTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(UserProfileRules.IsKnownTimeZone).WithMessage("An IANA time zone id, such as 'Europe/Berlin' or 'UTC'.");

    /// <summary>
    /// Length only, in characters as the API document counts them (Unicode code points: an emoji is one, not two); the
    /// policy's other rules (unique characters) are ASP.NET Core Identity's, reported the same way.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MustBePasswordCandidate<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(p => p is null || p.EnumerateRunes().Count() is >= UserProfileRules.PasswordMinLength and <= UserProfileRules.PasswordMaxLength)
            .WithMessage($"A password has {UserProfileRules.PasswordMinLength} to {UserProfileRules.PasswordMaxLength} characters.");
}
