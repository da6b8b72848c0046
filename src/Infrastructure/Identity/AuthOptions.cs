using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Roadmap.Infrastructure.Common;

namespace Roadmap.Infrastructure.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const int MinimumKeyBytes = 32;

    /// <summary>HMAC-SHA256 key, at least 32 bytes (256 bits) of UTF-8. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "roadmap";

    public string Audience { get; set; } = "roadmap-api";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 14;

    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Lockout after this many failed sign-ins in a row.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// How long a node keeps an account's state (existence, roles) for signed-in requests; 0 reads it on every request.
    /// A change made through a node applies there at once; this is how long other nodes may still act on the old state.
    /// </summary>
    public int AccountCacheSeconds { get; set; } = 10;

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Stops the start when a setting lies outside its range.</summary>
    internal void Validate()
    {
        Check(nameof(AccessTokenMinutes), AccessTokenMinutes, 1, 1_440);
        Check(nameof(RefreshTokenDays), RefreshTokenDays, 1, 365);
        Check(nameof(ClockSkewSeconds), ClockSkewSeconds, 0, 300);
        Check(nameof(MaxFailedSignIns), MaxFailedSignIns, 1, 1_000);
        Check(nameof(LockoutMinutes), LockoutMinutes, 1, 10_080);
        Check(nameof(AccountCacheSeconds), AccountCacheSeconds, 0, 3_600);
    }

    private static void Check(string key, int value, int min, int max) => Settings.InRange($"{SectionName}:{key}", value, min, max);
}

/// <summary>The first Admin, created at start-up when both are set (the password from a secret store, never the repository).</summary>
public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>The token signing key: from configuration; in Development generated once and kept outside the repository.</summary>
internal static class SigningKeys
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
            return bytes.Length >= AuthOptions.MinimumKeyBytes
                ? new SymmetricSecurityKey(bytes)
                : throw new InvalidConfigurationException(
                    $"Auth:SigningKey is too short: it needs at least {AuthOptions.MinimumKeyBytes} bytes (256 bits); " +
                    "generate one with `openssl rand -base64 48`.");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidConfigurationException(
                "Auth:SigningKey is not set. Outside Development the service needs a signing key of at least 32 bytes: " +
                "set the Auth__SigningKey environment variable (e.g. to the output of `openssl rand -base64 48`).");
        }

        return new SymmetricSecurityKey(DevelopmentKey());
    }

    /// <summary>A random key kept in the user's profile, so tokens survive restarts of a development machine.</summary>
    private static byte[] DevelopmentKey()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "roadmap");
        var file = Path.Combine(folder, "development-signing-key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
