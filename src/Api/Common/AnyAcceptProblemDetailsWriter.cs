using Microsoft.Net.Http.Headers;

namespace Roadmap.Api.Common;

/// <summary>
/// Errors are <c>application/problem+json</c> whatever the <c>Accept</c> header says. The default writer declines a
/// client that accepts only, say, <c>application/xml</c>, and the framework then falls back to <c>text/plain</c>;
/// this writer, tried after it, writes the same problem as JSON instead (RFC 9110 lets a server ignore Accept on errors).
/// </summary>
internal sealed class AnyAcceptProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;

        // The default writer (the one that applies the problem's defaults and our customization) refused only because
        // of Accept: without it, it writes.
        if (!http.Request.Headers.Remove(HeaderNames.Accept))
        {
            // Declined for another reason: never loop back into the service.
            return new ValueTask(http.Response.WriteAsJsonAsync(context.ProblemDetails, options: null, contentType: "application/problem+json"));
        }

        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(context);
    }
}
