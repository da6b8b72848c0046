using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Catalog;
using Roadmap.Api.Catalog.Contracts;

namespace Roadmap.Api.Tests.Catalog;

/// <summary>A cached read never outlives a change this node knows of, with no timer.</summary>
public sealed class CatalogReadCachePolicyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_older_than_a_known_change_is_not_stored()
    {
        var revisions = new RoadmapRevisions();
        var policy = new CatalogReadCachePolicy(revisions);
        revisions.Advance("backend", 5);

        var stale = await Served(policy, "backend", revision: 4);
        var current = await Served(policy, "backend", revision: 5);

        stale.AllowCacheStorage.Should().BeFalse("the read raced a change");
        current.AllowCacheStorage.Should().BeTrue();
    }

    [Fact]
    public async Task Lookups_are_keyed_by_the_newest_known_revision_and_a_newer_read_is_learned()
    {
        var revisions = new RoadmapRevisions();
        var policy = new CatalogReadCachePolicy(revisions);
        var before = await Requested(policy, "backend");

        await Served(policy, "backend", revision: 7);
        var after = await Requested(policy, "backend");

        before.CacheVaryByRules.VaryByValues["revision"].Should().Be("0");
        after.CacheVaryByRules.VaryByValues["revision"].Should().Be("7", "entries stored before the change are never looked up again");
    }

    private static async Task<OutputCacheContext> Requested(CatalogReadCachePolicy policy, string slug)
    {
        var context = new OutputCacheContext { HttpContext = Http(slug) };
        await policy.CacheRequestAsync(context, Ct);
        return context;
    }

    private static async Task<OutputCacheContext> Served(CatalogReadCachePolicy policy, string slug, int revision)
    {
        var context = await Requested(policy, slug);
        context.HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        context.HttpContext.Items[CatalogReadCachePolicy.RevisionItem] = revision;
        await policy.ServeResponseAsync(context, Ct);
        return context;
    }

    private static DefaultHttpContext Http(string slug)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        http.Request.RouteValues["slug"] = slug;
        return http;
    }
}
