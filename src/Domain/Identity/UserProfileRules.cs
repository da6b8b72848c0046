namespace Roadmap.Domain.Identity;

/// <summary>What a profile may hold.</summary>
public static class UserProfileRules
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const string DefaultTimeZone = "UTC";

    /// <summary>True for an IANA time zone id this system knows (<c>Europe/Berlin</c>, <c>UTC</c>).</summary>
    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
