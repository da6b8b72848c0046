using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Common;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.GetRoadmap;
using Roadmap.Application.Catalog.Roadmaps.GetTopic;
using Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;
using Roadmap.Application.Common.Paging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Catalog;

/// <summary>Reading the catalog: anyone reads published roadmaps.</summary>
internal static class RoadmapEndpoints
{
    public const string CachePolicy = "catalog";

    public static IEndpointRouteBuilder MapRoadmapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/roadmaps").WithTags("Roadmaps").WithNoStore(NoStoreMetadata.ForDraftReaders).AllowsBearer();

        group.MapGet("/", ListRoadmaps)
            .WithName("ListRoadmaps")
            .WithSummary("Published roadmaps, a page at a time (Authors and Admins may ask for ?status=Draft).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{slug}", GetRoadmap)
            .WithName("GetRoadmap")
            .WithSummary("The whole roadmap: sections, topics with stable ids and prerequisites, resources. Carries an ETag.")
            .CacheOutput(CachePolicy)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/topics/{topicSlug}", GetTopic)
            .WithName("GetTopic")
            .WithSummary("One topic, by its slug or a former one.")
            .CacheOutput(CachePolicy)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Ok<PagedList<RoadmapSummaryDto>>, ProblemHttpResult>> ListRoadmaps(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = IPagedRequest.DefaultPageSize,
        RoadmapStatus status = RoadmapStatus.Published)
    {
        var result = await mediator.Send(new ListRoadmapsQuery(page, pageSize, status), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RoadmapDto>, StatusCodeHttpResult, ProblemHttpResult>> GetRoadmap(
        string slug, IMediator mediator, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetRoadmapQuery(slug), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        return http.MatchesETag(result.Value.Value.Slug, result.Value.Revision)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(result.Value.Value);
    }

    private static async Task<Results<Ok<TopicDetailsDto>, StatusCodeHttpResult, ProblemHttpResult>> GetTopic(
        string slug, string topicSlug, IMediator mediator, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetTopicQuery(slug, topicSlug), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        return http.MatchesETag(result.Value.Value.RoadmapSlug, result.Value.Revision)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(result.Value.Value);
    }

    /// <summary>
    /// Sets the response's ETag, lets the output cache keep it under the roadmap's tag (by the slug the roadmap has, not
    /// the one asked for: a database may match slugs without regard to case), and says whether the client
    /// already has this representation. (Drafts are never stored: only Authors and Admins see them, and their
    /// requests bypass the cache.)
    /// </summary>
    private static bool MatchesETag(this HttpContext http, string slug, int revision)
    {
        var etag = EntityTags.For(slug, revision);
        http.Response.Headers.ETag = etag;
        http.Items[CatalogReadCachePolicy.RevisionItem] = revision;
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.Tags.Add(RoadmapCacheInvalidation.Tag(slug));
        }

        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0 && EntityTags.Matches(ifNoneMatch, etag, weak: true);
    }
}
