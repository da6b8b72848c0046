using Roadmap.Domain.Common;

namespace Roadmap.Domain.Identity;

/// <summary>What a profile may hold.</summary>
public static class UserProfileRules
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const string DefaultTimeZone = "UTC";
    public const int TimeZoneMaxLength = 64;

    /// <summary>A new password's length; the other rules are the identity provider's.</summary>
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;

    /// <summary>The longest password or refresh token a sign-in accepts (longer ones cannot be right).</summary>
    public const int CredentialMaxLength = 256;

    /// <summary>
    /// False when the text holds control characters or bidirectional overrides, which let one user's name
    /// disguise itself or others' on a shared page (a leaderboard).
    /// </summary>
    public static bool IsPrintable(string? text) =>
        text is null || !text.Any(c => char.IsControl(c)
            || c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    /// <summary>
    /// A known zone's id as the time-zone database writes it (<c>europe/berlin</c> is <c>Europe/Berlin</c>), so a profile
    /// shows the zone its days are counted in; any other text as it is.
    /// </summary>
    public static string CanonicalTimeZone(string id) => LocalCalendar.TryFindZone(id, out var zone) ? zone.Id : id;

    /// <summary>
    /// True for an IANA time zone id this system knows (<c>Europe/Berlin</c>, <c>UTC</c>), in any case for the zones it
    /// lists (<see cref="LocalCalendar.TryFindZone"/>).
    /// </summary>
    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= TimeZoneMaxLength && LocalCalendar.TryFindZone(id, out var zone) && zone.HasIanaId;
}
