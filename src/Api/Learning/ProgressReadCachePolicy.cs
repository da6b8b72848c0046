using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Common;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Progress.GetProgressRevision;

namespace Roadmap.Api.Learning;

/// <summary>
/// Output caching of a learner's progress listing, for that learner alone. Each read first asks the database what the
/// listing is built from (<see cref="GetProgressRevisionQuery"/>: the roadmap's revision and the count of the learner's
/// progress events on it, two small indexed queries) and keys the entry by the learner and those two numbers. An answer
/// is served again only while the database still shows the same numbers, so a write through any node is seen by the
/// next read through any node. A read racing a write may store the newer listing under the older numbers: that key is
/// never looked up again, since the database already shows the newer ones. Unknown roadmaps and other refusals are
/// neither looked up nor stored: the endpoint answers them.
/// </summary>
internal sealed class ProgressReadCachePolicy : IOutputCachePolicy
{
    /// <summary>How long a listing is kept once stored; it is useless as soon as the learner writes.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        OutputCacheRules.Begin(context, cacheable: false);
        if (!OutputCacheRules.IsRead(http.Request.Method)
            || http.GetRouteValue("slug") is not string slug
            || http.RequestServices.GetRequiredService<ICurrentUser>().Id is not { } learner)
        {
            return;
        }

        var revision = await http.RequestServices.GetRequiredService<IMediator>().Send(new GetProgressRevisionQuery(slug), cancellation);
        if (!revision.IsSuccess)
        {
            return;
        }

        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Keyed by path, learner and revision only: the endpoint reads no query string or header.
        context.CacheVaryByRules.VaryByValues["learner"] = learner.ToString("N");
        context.CacheVaryByRules.VaryByValues["revision"] = string.Create(
            CultureInfo.InvariantCulture, $"{revision.Value.RoadmapRevision}.{revision.Value.Events}");
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AllowCacheStorage &= OutputCacheRules.MayStore(context.HttpContext.Response);
        return ValueTask.CompletedTask;
    }
}
