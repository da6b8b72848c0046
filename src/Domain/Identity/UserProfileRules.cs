using System.Text;
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
    /// True when an email (as entered, around spaces aside) holds no white space, control or format character inside,
    /// which would make an address that looks like another's (<c>ann@example.org</c> with a zero-width space).
    /// </summary>
    public static bool HasNoHiddenCharacters(string? email) =>
        email is null || !email.Trim().EnumerateRunes().Any(r => Rune.IsWhiteSpace(r) || ShownText.IsHidden(r));

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
