using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Roadmap.Api.Common;

/// <summary>
/// Applies an endpoint's body size limit (or the default) before the body is read: a declared length over it
/// is refused at once with 413; a chunked body is cut off by the server when it passes the limit.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const long DefaultLimit = 64 * 1024;

    /// <summary>The detail of every 413, whether this middleware, the server or the framework refused the body.</summary>
    public const string TooLarge = "The request body is too large.";

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(TooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

internal static class RequestSizeLimitExtensions
{
    /// <summary>Allows bodies of up to <paramref name="bytes"/> on these endpoints.</summary>
    public static TBuilder WithRequestSizeLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(bytes));
}
