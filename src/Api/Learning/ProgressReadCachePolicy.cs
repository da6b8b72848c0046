using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Catalog.Contracts;
using Roadmap.Api.Common;
using Roadmap.Application.Common.Ports;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Learning;

/// <summary>
/// Output caching of a learner's progress listing, for that learner alone, answered without asking the database
/// anything. Entries are keyed by what this node knows the listing is built from: the learner's generation
/// (<see cref="ProgressGenerations"/>: moved by every progress change this node commits or is told of) and the
/// roadmap's newest revision (<see cref="RoadmapRevisions"/>). A change committed on this node is in the learner's next
/// read here; one committed on another node, once its message arrives (Redis), or when the entry expires
/// (<see cref="Lifetime"/>). A read racing a change may store its listing under the key of before the change: that key
/// is never looked up again. An answer built from a roadmap revision older than one this node knows is not stored.
/// Refusals (an unknown roadmap) are never stored.
/// </summary>
internal sealed class ProgressReadCachePolicy(ProgressGenerations generations, RoadmapRevisions revisions) : IOutputCachePolicy
{
    /// <summary>
    /// Where the endpoint puts the revision of the roadmap the listing was built from (an <see cref="int"/>), when the
    /// path names the roadmap by its own slug.
    /// </summary>
    public const string RevisionItem = "progress.roadmapRevision";

    /// <summary>
    /// How long a listing is kept: the longest another node may serve one after a change whose message it missed (or
    /// without Redis, where no message is sent).
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var learner = http.RequestServices.GetRequiredService<ICurrentUser>().Id;
        var slug = OutputCacheRules.Slug(context);
        OutputCacheRules.Begin(context, OutputCacheRules.IsRead(http.Request.Method) && learner is not null && slug is not null);
        if (context.AllowCacheLookup)
        {
            context.ResponseExpirationTimeSpan = Lifetime;
            // Keyed by path, learner and what the listing is built from: the endpoint reads no query string or header.
            context.CacheVaryByRules.VaryByValues["learner"] = learner!.Value.ToString("N");
            context.CacheVaryByRules.VaryByValues["built"] = string.Create(
                CultureInfo.InvariantCulture, $"{generations.Of(learner.Value)}.{revisions.Latest(slug!)}");
            // No other node could look it up (the key is this process's own): kept in this node's memory, not in Redis.
            context.CacheVaryByRules.VaryByValues["store"] = OutputCacheEntries.ThisNodeOnly;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AllowCacheStorage &= OutputCacheRules.MayStore(context.HttpContext.Response);
        if (OutputCacheRules.Slug(context) is { } slug && context.HttpContext.Items[RevisionItem] is int revision)
        {
            context.AllowCacheStorage &= revisions.Learn(slug, revision);
        }
        else
        {
            // The endpoint names the revision only when the path spells the roadmap's own slug (a database may match
            // slugs without regard to case): changes advance that slug alone, so another spelling is never kept.
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
