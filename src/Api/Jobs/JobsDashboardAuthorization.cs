using Hangfire.Dashboard;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Identity;

namespace Roadmap.Api.Jobs;

/// <summary>
/// Who may see the job dashboard: local requests in Development, and Admins — by a dashboard session cookie (a
/// browser) or a bearer token (a script). The Admin role is checked on each request against the account's current
/// state (<see cref="IAccountStates"/>), so a removed role or a deleted account takes effect at once on the node that
/// made the change, and within <c>Auth:AccountCacheSeconds</c> on the others.
/// </summary>
internal sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    private static readonly object LetIn = new();

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var allowed = await IsAllowedAsync(http);
        if (allowed)
        {
            http.Items[LetIn] = true;
        }

        return allowed;
    }

    /// <summary>Whether the dashboard let this request's caller in (a refusal after that is of the action, not of the caller).</summary>
    public static bool WasLetIn(HttpContext http) => http?.Items.ContainsKey(LetIn) == true;

    private static async Task<bool> IsAllowedAsync(HttpContext http)
    {
        if (IsLocalDevelopment(http))
        {
            return true;
        }

        // A bearer token's roles were already replaced by the account's current ones when it was validated.
        if (http.User.IsInRole(Roles.Admin))
        {
            return true;
        }

        var userId = http.RequestServices.GetRequiredService<JobsDashboardSessions>().Read(http.Request);
        if (userId is null)
        {
            return false;
        }

        var account = await http.RequestServices.GetRequiredService<IAccountStates>().FindAsync(userId.Value, http.RequestAborted);
        return account is not null && account.Roles.Contains(Roles.Admin, StringComparer.Ordinal);
    }

    /// <summary>A request from this machine (after forwarded headers from trusted proxies) to a Development host.</summary>
    public static bool IsLocalDevelopment(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && (System.Net.IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress));
    }
}
