using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Common;

namespace Roadmap.Api.Catalog;

/// <summary>
/// Output caching of catalog reads for readers, signed in or not. The default policy skips requests with an
/// Authorization header; here that is safe because only published content is stored (the endpoint refuses storage
/// for a draft) and only 200 answers are kept. Authors and Admins bypass the cache. Entries are tagged per roadmap
/// and dropped when it changes.
/// </summary>
internal sealed class CatalogReadCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Authors and Admins always read the database: they edit with the ETags they read, so theirs must be current.
        var cacheable = HttpMethods.IsGet(context.HttpContext.Request.Method) && !context.HttpContext.User.CanSeeDrafts();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No request coalescing: a waiting request must never receive the answer computed for another caller.
        context.AllowLocking = false;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
