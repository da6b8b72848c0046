using Microsoft.AspNetCore.OutputCaching;

namespace Roadmap.Api.Common;

/// <summary>What the service's output-cache policies share.</summary>
internal static class OutputCacheRules
{
    /// <summary>
    /// Caching on, lookup and storage as <paramref name="cacheable"/> says. No request coalescing: a waiting request must
    /// never receive the answer computed for another caller. Not keyed by the Host header: the endpoints do not read it,
    /// and a client varying it must not be able to fill the (possibly shared) store with copies.
    /// </summary>
    public static void Begin(OutputCacheContext context, bool cacheable)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = false;
        context.CacheVaryByRules.VaryByHost = false;
    }

    /// <summary>
    /// A read whose answer may be cached: GET, and HEAD (its entry is kept whole, under its own key: the cache sees the
    /// body before <see cref="HeadResponseBodyMiddleware"/> drops it).
    /// </summary>
    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>The roadmap slug of the route, as the path spells it.</summary>
    public static string? Slug(OutputCacheContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.HttpContext.GetRouteValue("slug") as string;
    }

    /// <summary>Only a 200 answer setting no cookie may be stored.</summary>
    public static bool MayStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0;
    }
}
