using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Roadmap.Api.Common;

/// <summary>
/// HEAD wherever GET works (RFC 9110 §9.3.2): an endpoint that answers GET answers HEAD with the same status and
/// headers (ETag, caching) and no body. Link checkers and caches ask this way.
/// </summary>
internal static class HeadRequests
{
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { HttpMethods: [var only] } methods
                && string.Equals(only, HttpMethods.Get, StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}

/// <summary>
/// The body of an answer to HEAD is dropped here, whatever server runs the service (Kestrel drops it too; the test
/// server does not). First in the pipeline, so what runs after it — the output cache included — sees the whole answer.
/// </summary>
internal sealed class HeadResponseBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsHead(context.Request.Method) && context.Features.Get<IHttpResponseBodyFeature>() is { } body)
        {
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        }

        return next(context);
    }
}
