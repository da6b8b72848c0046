namespace Roadmap.Api.Common;

/// <summary>
/// Headers that stop browsers from sniffing, framing or leaking referrers; a strict CSP for the docs page; and the
/// challenge every 401 must carry (RFC 9110), for those a use case answers too (the bearer handler sets its own).
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so they survive the exception handler clearing the headers of a failed response.
        context.Response.OnStarting(() =>
        {
            AddSecurityHeaders(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && headers.WWWAuthenticate.Count == 0)
        {
            headers.WWWAuthenticate = "Bearer";
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";

        // The job dashboard moves its prefix to PathBase while it answers.
        var path = context.Request.PathBase.Add(context.Request.Path);
        headers.ContentSecurityPolicy = path.StartsWithSegments("/docs", StringComparison.Ordinal)
            ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
            : path.StartsWithSegments("/hangfire", StringComparison.Ordinal)
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
    }
}
