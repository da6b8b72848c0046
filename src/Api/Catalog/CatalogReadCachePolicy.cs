using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Common;
using Roadmap.Api.Catalog.Contracts;

namespace Roadmap.Api.Catalog;

/// <summary>
/// Output caching of catalog reads for readers, signed in or not. The default policy skips requests with an
/// Authorization header; here that is safe because only published content is stored (the endpoint refuses storage
/// for a draft: drafts are seen only by Authors and Admins, whose requests bypass the cache) and only 200 answers are kept. Authors and Admins bypass the cache. Entries are keyed by the newest
/// revision of the roadmap this node knows (<see cref="RoadmapRevisions"/>), and an answer older than that is never
/// stored, so a read racing a change cannot leave the old answer behind; entries are also dropped when it changes.
/// </summary>
internal sealed class CatalogReadCachePolicy(RoadmapRevisions revisions) : IOutputCachePolicy
{
    /// <summary>Where an endpoint puts the revision of the roadmap it answered with (an <see cref="int"/>).</summary>
    public const string RevisionItem = "roadmap.revision";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Authors and Admins always read the database: they edit with the ETags they read, so theirs must be current.
        var cacheable = OutputCacheRules.IsRead(context.HttpContext.Request.Method) && !context.HttpContext.User.CanSeeDrafts();
        OutputCacheRules.Begin(context, cacheable);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        // Keyed by path and revision only (neither endpoint reads the query string).
        if (OutputCacheRules.Slug(context) is { } slug)
        {
            context.CacheVaryByRules.VaryByValues["revision"] = revisions.Latest(slug).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!OutputCacheRules.MayStore(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }
        else if (OutputCacheRules.Slug(context) is { } slug && context.HttpContext.Items[RevisionItem] is int revision)
        {
            context.AllowCacheStorage &= revisions.Learn(slug, revision);
        }

        return ValueTask.CompletedTask;
    }
}
