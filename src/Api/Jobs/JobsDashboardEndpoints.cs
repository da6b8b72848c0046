using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Roadmap.Api.Common;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Jobs;

/// <summary>The job dashboard (Hangfire) at <c>/hangfire</c> and the endpoint that signs an Admin's browser in to it.</summary>
internal static class JobsDashboardEndpoints
{
    public const string DashboardPath = "/hangfire";

    public static IEndpointRouteBuilder MapJobsDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard.Enabled)
        {
            return app;
        }

        app.MapPost("/api/admin/jobs/dashboard-session", StartSession)
            .WithTags("Admin")
            .WithName("StartJobsDashboardSession")
            .WithSummary("Signs this browser in to the job dashboard (/hangfire) for a short while, with an HttpOnly cookie.")
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithNoStore();

        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Replaces Hangfire's default (local requests only) with ours, which includes it in Development.
            Authorization = [],
            AsyncAuthorization = [new JobsDashboardAuthorization()],

            // Admins watch; retrying, deleting or triggering jobs is left to a developer on the machine itself.
            IsReadOnlyFunc = context => !JobsDashboardAuthorization.IsLocalDevelopment(context.GetHttpContext()),
            DisplayStorageConnectionString = false,
            DashboardTitle = "Roadmap jobs",
            AppPath = "/docs",
        }).ExcludeFromDescription().Add(endpoint => endpoint.RequestDelegate = ClientErrors(endpoint.RequestDelegate!));
        return app;
    }

    /// <summary>
    /// The dashboard as the rest of the API answers: Hangfire refuses an action on a read-only dashboard with 401 even
    /// to the Admin it let in (a 403 here: signing in again changes nothing), and lets some malformed requests fail as
    /// exceptions — a job id that is not a number, a stats request that is not a form — which are 400s, not 500s.
    /// </summary>
    private static RequestDelegate ClientErrors(RequestDelegate dashboard) => async http =>
    {
        try
        {
            await dashboard(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && IsMalformedRequest(e, http.Request))
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.HasStarted && JobsDashboardAuthorization.WasLetIn(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    };

    private static bool IsMalformedRequest(Exception e, HttpRequest request) =>
        e is FormatException
        || (e is InvalidOperationException && !request.HasFormContentType && e.Message.StartsWith("Incorrect Content-Type", StringComparison.Ordinal));

    private static Ok<JobsDashboardSession> StartSession(HttpContext http, JobsDashboardSessions sessions) =>
        TypedResults.Ok(new JobsDashboardSession(DashboardPath, sessions.Start(http, http.User.UserId())));
}

/// <summary>Where the dashboard is, and when the session cookie just set stops working.</summary>
internal sealed record JobsDashboardSession(string Path, DateTimeOffset ExpiresAt);
