using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Catalog.Roadmaps.ArchiveRoadmap;
using Roadmap.Application.Catalog.Roadmaps.CreateRoadmap;
using Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.PublishRoadmap;
using Roadmap.Application.Common.Messaging;

namespace Roadmap.Api.Catalog;

/// <summary>Writing the catalog (Authors and Admins): roadmaps as JSON documents, publishing, archiving.</summary>
internal static class RoadmapAuthoringEndpoints
{
    /// <summary>A roadmap document of 1,000 topics with long summaries stays well under this.</summary>
    public const long DocumentSizeLimit = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRoadmapAuthoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/roadmaps").WithTags("Roadmap authoring").RequireAuthorization(AuthorizationPolicies.Author)
            .WithNoStore(NoStoreMetadata.ForDraftReaders);

        group.MapPost("/", Create)
            .WithName("CreateRoadmap")
            .WithETag()
            .WithSummary("Creates a draft from a roadmap document (docs/roadmap-document.md).")
            .WithRequestSizeLimit(DocumentSizeLimit)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{slug}", Import)
            .WithName("ImportRoadmap")
            .WithSummary("Upserts a roadmap from its document; a published roadmap that changes gets a new version. " +
                "With If-Match (the ETag of GET /api/roadmaps/{slug}), a roadmap changed since is refused with 412.")
            .WithRequestSizeLimit(DocumentSizeLimit)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/{slug}/export", Export)
            .WithName("ExportRoadmap")
            .WithETag()
            .WithSummary("The roadmap's document; importing it back changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{slug}/publish", Publish)
            .WithName("PublishRoadmap")
            .WithETag()
            .WithSummary("Makes a draft public as version 1.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{slug}/archive", Archive)
            .WithName("ArchiveRoadmap")
            .WithETag()
            .WithSummary("Takes a roadmap out of the catalog; its learners keep their history.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static async Task<Results<Created<ImportRoadmapResult>, ProblemHttpResult>> Create(
        RoadmapDocument document, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateRoadmapCommand(document), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.Response.Headers.ETag = EntityTags.For(result.Value.Value.Slug, result.Value.Revision);
        return TypedResults.Created($"/api/roadmaps/{result.Value.Value.Slug}", result.Value.Value);
    }

    private static async Task<Results<Ok<ImportRoadmapResult>, Created<ImportRoadmapResult>, ProblemHttpResult>> Import(
        string slug, RoadmapDocument document, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var ifMatch = EntityTags.ParseIfMatch(http.Request, slug);
        if (ifMatch.Malformed)
        {
            return EntityTags.IfMatch.MalformedError.ToProblem();
        }

        if (ifMatch.Impossible)
        {
            return CatalogErrors.RoadmapChanged(slug).ToProblem();
        }

        var result = await mediator.Send(
            new ImportRoadmapCommand(document, RouteSlug: slug, ExpectedRevisions: ifMatch.Revisions, MustExist: ifMatch.MustExist), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (imported, revision) = result.Value;
        http.Response.Headers.ETag = EntityTags.For(slug, revision);
        return imported.Created ? TypedResults.Created($"/api/roadmaps/{slug}", imported) : TypedResults.Ok(imported);
    }

    private static async Task<Results<Ok<RoadmapDocument>, ProblemHttpResult>> Export(
        string slug, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ExportRoadmapQuery(slug), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        // The ETag of the exported state: send it back as If-Match with the edited document.
        http.Response.Headers.ETag = EntityTags.For(slug, result.Value.Revision);
        return TypedResults.Ok(result.Value.Value);
    }

    private static async Task<Results<Ok<RoadmapStateDto>, ProblemHttpResult>> Publish(
        string slug, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new PublishRoadmapCommand(slug), cancellationToken);
        return result.IsSuccess ? WithETag(http, result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RoadmapStateDto>, ProblemHttpResult>> Archive(
        string slug, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ArchiveRoadmapCommand(slug), cancellationToken);
        return result.IsSuccess ? WithETag(http, result.Value) : result.Error.ToProblem();
    }

    private static Ok<RoadmapStateDto> WithETag(HttpContext http, Revisioned<RoadmapStateDto> state)
    {
        http.Response.Headers.ETag = EntityTags.For(state.Value.Slug, state.Revision);
        return TypedResults.Ok(state.Value);
    }
}
