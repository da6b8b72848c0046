using Microsoft.AspNetCore.Identity;
using Roadmap.Domain.Identity;

namespace Roadmap.Infrastructure.Identity;

/// <summary>An account as ASP.NET Core Identity stores it, with the profile fields of the platform.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>IANA id; streaks are counted in this zone.</summary>
    public string TimeZone { get; set; } = UserProfileRules.DefaultTimeZone;

    public bool ShowOnLeaderboard { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
