using System.Text.Json;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Serialization;

namespace Roadmap.Infrastructure.Catalog;

/// <summary>The outcome of importing one file: what the import did, or why the file failed.</summary>
public sealed record FileImportOutcome(string File, ImportRoadmapResult? Result, string? Failure)
{
    public bool Succeeded => Result is not null;
}

/// <summary>Imports roadmap documents from JSON files (the seed, and the <c>import</c> command).</summary>
public sealed class RoadmapFileImporter(IMediator mediator)
{
    public async Task<FileImportOutcome> ImportAsync(string file, bool publish, CancellationToken cancellationToken)
    {
        if (Directory.Exists(file))
        {
            return new FileImportOutcome(file, null, "a folder, not a roadmap document (name its files)");
        }

        RoadmapDocument? document;
        try
        {
            await using var stream = File.OpenRead(file);
            document = await JsonSerializer.DeserializeAsync<RoadmapDocument>(stream, JsonDefaults.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return new FileImportOutcome(file, null, $"not a roadmap document: {JsonErrors.PathOf(ex)}: {JsonErrors.Describe(ex)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileImportOutcome(file, null, $"cannot read a roadmap document: {ex.Message}");
        }

        if (document is null)
        {
            return new FileImportOutcome(file, null, "the file holds no roadmap document");
        }

        var result = await mediator.Send(new ImportRoadmapCommand(document, publish), cancellationToken);
        if (result.IsSuccess)
        {
            return new FileImportOutcome(file, result.Value.Value, null);
        }

        var details = result.Error.Details is null
            ? string.Empty
            : "; " + string.Join("; ", result.Error.Details.Select(d => $"{d.Key}: {string.Join(" ", d.Value)}"));
        return new FileImportOutcome(file, null, $"{result.Error.Message}{details}");
    }
}
