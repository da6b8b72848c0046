using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts;

internal static class AccountRules
{
    public static IRuleBuilderOptions<T, string> MustBeEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumCharacters(UserProfileRules.EmailMaxLength).EmailAddress()
            .Must(UserProfileRules.HasNoHiddenCharacters).WithMessage("An email may not contain spaces, control or invisible characters.");

    public static IRuleBuilderOptions<T, string?> MustBeDisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(ShownText.HasVisibleCharacter).WithMessage("A display name is required (invisible characters alone are none).")
            .MaximumCharacters(UserProfileRules.DisplayNameMaxLength)
            .Must(ShownText.IsPrintable).WithMessage($"A display name {TextRules.NoHiddenText}");

    public static IRuleBuilderOptions<T, string?> MustBeTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(UserProfileRules.IsKnownTimeZone).WithMessage("An IANA time zone id, such as 'Europe/Berlin' or 'UTC'.");

    /// <summary>
    /// Length only, in characters as every text limit is (<see cref="TextRules"/>); the policy's other rules (unique
    /// characters) are ASP.NET Core Identity's, reported the same way.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBePasswordCandidate<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .CharacterLength(UserProfileRules.PasswordMinLength, UserProfileRules.PasswordMaxLength)
            .WithMessage($"A password has {UserProfileRules.PasswordMinLength} to {UserProfileRules.PasswordMaxLength} characters.");
}
