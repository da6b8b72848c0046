using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Jobs;

/// <summary>
/// The job dashboard's sign-in. Browsers send no bearer token, so an Admin exchanges one for a short-lived cookie:
/// HttpOnly, SameSite=Strict, scoped to the dashboard's path, Secure outside Development. It holds only the user id,
/// protected and time-limited by ASP.NET Core Data Protection, so it cannot be forged or extended; whether that user
/// is still an Admin is checked on every dashboard request (<see cref="JobsDashboardAuthorization"/>).
/// </summary>
internal sealed class JobsDashboardSessions(
    IDataProtectionProvider dataProtection,
    IOptions<JobsOptions> options,
    IHostEnvironment environment,
    TimeProvider time)
{
    public const string CookieName = "roadmap_jobs_dashboard";

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Roadmap.Jobs.DashboardSession.v1").ToTimeLimitedDataProtector();

    /// <summary>Sets the session cookie for <paramref name="userId"/> and says when it expires.</summary>
    public DateTimeOffset Start(HttpContext http, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lifetime = TimeSpan.FromMinutes(options.Value.Dashboard.SessionMinutes);
        var expires = time.GetUtcNow().ToStored() + lifetime; // in whole milliseconds, as every other time the API writes
        http.Response.Cookies.Append(CookieName, _protector.Protect(userId.ToString("N"), expires), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps || !environment.IsDevelopment(),
            SameSite = SameSiteMode.Strict,
            Path = JobsDashboardEndpoints.DashboardPath,
            Expires = expires,
            MaxAge = lifetime,
            IsEssential = true,
        });
        return expires;
    }

    /// <summary>The user id of a valid, unexpired session cookie; null when there is none or it was tampered with.</summary>
    public Guid? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var ticket) || string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(ticket, out _), "N", out var userId) ? userId : null;
        }
        catch (CryptographicException)
        {
            // Forged, altered, expired, or protected with a key this node does not have.
            return null;
        }
    }
}
