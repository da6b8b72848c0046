using Microsoft.Net.Http.Headers;

namespace Roadmap.Api.Common;

/// <summary>
/// JSON is UTF-8 (RFC 8259). A <c>charset</c> parameter that says so — in any case, quoted or not — or an empty one is
/// accepted and dropped, so the framework reads the body as UTF-8; any other charset is a 415 problem. Without this, a
/// quoted, empty or unknown charset made the framework's body reader throw: a 500. A body in a content coding
/// (<c>Content-Encoding: gzip</c>) is a 415 too: the service reads bodies as sent, and would otherwise take compressed
/// bytes for JSON (or worse, an uncompressed body that claims to be compressed for what it says).
/// </summary>
internal sealed class JsonCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var coding = context.Request.Headers.ContentEncoding.ToString().Trim();
        var hasBody = context.Request.ContentLength > 0 || (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0);
        if (hasBody && coding.Length > 0 && !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException(
                $"The content coding '{coding}' is not supported: send the body as it is (no Content-Encoding).", StatusCodes.Status415UnsupportedMediaType);
        }

        var contentType = context.Request.ContentType;
        if (contentType is not null
            && contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is { } charset)
        {
            // A bare "charset" (no "=") has no value at all: treat it as empty.
            var value = charset.Value.HasValue ? HeaderUtilities.RemoveQuotes(charset.Value).Trim() : Microsoft.Extensions.Primitives.StringSegment.Empty;
            if (!(value.Length == 0
                || value.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                || value.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadHttpRequestException(
                    $"The charset '{value}' is not supported: send the body in UTF-8.", StatusCodes.Status415UnsupportedMediaType);
            }

            mediaType.Parameters.Remove(charset);
            context.Request.ContentType = mediaType.ToString();
        }

        return next(context);
    }
}
