using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Roadmap.Api.Common;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.ExportProgress;
using Roadmap.Application.Learning.Progress.GetNextTopics;
using Roadmap.Application.Learning.Progress.GetProgress;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Learning.Progress.ListProgressEvents;
using Roadmap.Application.Learning.Progress.UpdateProgressBatch;
using Roadmap.Application.Learning.Progress.UpdateTopicProgress;
using Roadmap.Domain.Learning;

namespace Roadmap.Api.Learning;

/// <summary>The signed-in learner's progress on a roadmap: read it, write one topic or many, export and import it, read its history.</summary>
internal static class ProgressEndpoints
{
    /// <summary>
    /// The largest export of the largest roadmap: every topic with a note of the longest, each character of it written
    /// as the JSON writer writes non-ASCII text, in <c>\uXXXX</c> escapes (two for a character beyond U+FFFF, such as an
    /// emoji: 12 bytes), and room for the other fields.
    /// </summary>
    public const long ImportSizeLimit = ImportProgressCommand.MaxTopics * ((LearningLimits.NoteMaxLength * EscapedCharacterBytes) + 512);

    /// <summary>The largest batch: as many items as allowed, each with a note of the longest, written as escapes.</summary>
    public const long BatchSizeLimit = UpdateProgressBatchCommand.MaxItems * ((LearningLimits.NoteMaxLength * EscapedCharacterBytes) + 512);

    /// <summary>The most a character of text takes in JSON: <c>\uD83D\uDE00</c>.</summary>
    private const long EscapedCharacterBytes = 12;

    /// <summary>The output-cache policy of the progress listing (<see cref="ProgressReadCachePolicy"/>).</summary>
    public const string CachePolicy = "progress";

    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/roadmaps/{slug}").WithTags("Learning").RequireAuthorization().WithNoStore();

        group.MapGet("/progress", GetProgress)
            .WithName("GetProgress")
            .WithSummary("Every live topic of the roadmap's current version with the learner's status, note, updatedAt and version.")
            .CacheOutput(CachePolicy)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/progress/{topic}", UpdateProgress)
            .WithName("UpdateTopicProgress")
            .WithSummary("Sets the status (and the note, when sent; \"\" or null clears it) of a topic named by slug, former slug or id. " +
                "Answers the progress with the event appended (eventId null when nothing changed) and ETag \"<version>\". " +
                "With If-Match \"<version>\" (\"0\": nobody wrote it yet) a progress changed since is refused with 412. Follows the roadmap if needed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/progress/batch", UpdateBatch)
            .WithName("UpdateProgressBatch")
            .WithSummary("Sets the progress of 1-500 distinct topics at once, all or nothing: one bad item (errors keyed items[i].topic, " +
                ".status or .note) changes nothing. Answers how many changed and each topic's progress with its event.")
            .WithRequestSizeLimit(BatchSizeLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/progress/export", ExportProgress)
            .WithName("ExportProgress")
            .WithSummary("The learner's progress as a document (format roadmap-progress/1): the topics they touched (a stored status or note) " +
                "among the live topics of the current version, in roadmap order, each with topicId, slug, status, note and updatedAt. " +
                "Retired topics are left out, as in the listing. Importing it back changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/progress/import", ImportProgress)
            .WithName("ImportProgress")
            .WithSummary("Applies a progress document of this roadmap (at most 1,000 topics, each named once), all or nothing. " +
                "A topic is found by topicId, then by slug or former slug; one whose updatedAt is not newer than the stored progress " +
                "is left alone, so importing twice changes nothing the second time. Changes are recorded as of now, each with its event " +
                "(history is not backdated); topics the roadmap does not have are reported in unknown. Follows the roadmap if needed. " +
                "Field errors (errors keyed format, topics[i].topic, .status, .note, .updatedAt) are 400; a document of another roadmap is 422.")
            .WithRequestSizeLimit(ImportSizeLimit)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/next", GetNextTopics)
            .WithName("GetNextTopics")
            .WithSummary("What to learn next: live topics neither Done nor Skipped whose prerequisites are all Done or Skipped, " +
                "in roadmap order (limit 1-50, default 5).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/events", ListEvents)
            .WithName("ListProgressEvents")
            .WithSummary("The learner's progress events on the roadmap, newest first; eventId only grows.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Ok<RoadmapProgressDto>, ProblemHttpResult>> GetProgress(
        string slug, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetProgressQuery(slug), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        if (string.Equals(result.Value.Value.RoadmapSlug, slug, StringComparison.Ordinal))
        {
            http.Items[ProgressReadCachePolicy.RevisionItem] = result.Value.Revision;
        }

        return TypedResults.Ok(result.Value.Value);
    }

    private static async Task<Results<Ok<TopicProgressUpdateDto>, ProblemHttpResult>> UpdateProgress(
        string slug, string topic, UpdateTopicProgressRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        // No header or *: no condition. Otherwise one of the versions its strong tags name ("0": nobody wrote it yet);
        // none (a header of weak tags or other names only) never holds, which the command says once it found the topic.
        // A header that is not a list of tags at all (a version without its quotes) is refused first.
        var ifMatch = EntityTags.ParseIfMatchVersions(http.Request);
        if (ifMatch.Malformed)
        {
            return EntityTags.IfMatch.MalformedError.ToProblem();
        }

        var command = new UpdateTopicProgressCommand(slug, topic, body.Status, body.NoteSent, body.Note, ifMatch.Revisions);
        var result = await mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.Response.Headers.ETag = EntityTags.ForVersion(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<ProgressBatchResultDto>, ProblemHttpResult>> UpdateBatch(
        string slug, ProgressBatchRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        // A null item stays null: the validator names it (items[i]) instead of its missing topic and status.
        var items = body.Items?.Select(i => i is null ? null! : new ProgressBatchItem(i.Topic ?? string.Empty, i.Status, i.NoteSent, i.Note)).ToList();
        var result = await mediator.Send(new UpdateProgressBatchCommand(slug, items!), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProgressDocument>, ProblemHttpResult>> ExportProgress(
        string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ExportProgressQuery(slug), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProgressImportResultDto>, ProblemHttpResult>> ImportProgress(
        string slug, ProgressDocument document, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ImportProgressCommand(slug, document), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<NextTopicsDto>, ProblemHttpResult>> GetNextTopics(
        string slug, IMediator mediator, CancellationToken cancellationToken, int limit = GetNextTopicsQuery.DefaultLimit)
    {
        var result = await mediator.Send(new GetNextTopicsQuery(slug, limit), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PagedList<ProgressEventDto>>, ProblemHttpResult>> ListEvents(
        string slug, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = IPagedRequest.DefaultPageSize)
    {
        var result = await mediator.Send(new ListProgressEventsQuery(slug, page, pageSize), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}

/// <summary>
/// A topic's new status, and its note when sent: a note left out stays as it is, while <c>null</c> or <c>""</c>
/// clears it — so the setter records that the property was there.
/// </summary>
internal class UpdateTopicProgressRequest
{
    private readonly string? _note;

    public ProgressStatus? Status { get; init; }

    public string? Note
    {
        get => _note;
        init
        {
            _note = value;
            NoteSent = true;
        }
    }

    internal bool NoteSent { get; private init; }
}

/// <summary>Progress of several topics at once.</summary>
internal sealed class ProgressBatchRequest
{
    public IReadOnlyList<ProgressBatchRequestItem?>? Items { get; init; }
}

/// <summary>One topic of a batch, named by slug, former slug or id, with its change.</summary>
internal sealed class ProgressBatchRequestItem : UpdateTopicProgressRequest
{
    public string? Topic { get; init; }
}
