using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;

namespace Roadmap.Infrastructure.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Import and publish the shipped roadmaps when the catalog is empty.</summary>
    public bool SeedOnEmptyDatabase { get; set; } = true;

    /// <summary>Folder of roadmap documents to seed, relative to the application folder.</summary>
    public string SeedFolder { get; set; } = Path.Combine("content", "roadmaps");
}

/// <summary>Imports and publishes the roadmaps shipped with the service on the first start of an empty database.</summary>
internal sealed partial class CatalogSeeder(
    IReadRepository<LearningRoadmap> roadmaps,
    RoadmapFileImporter importer,
    IOptions<CatalogOptions> options,
    ILogger<CatalogSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnEmptyDatabase || await roadmaps.AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, options.Value.SeedFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            LogNoSeed(folder);
            return;
        }

        foreach (var file in files)
        {
            var outcome = await importer.ImportAsync(file, publish: true, cancellationToken);
            if (!outcome.Succeeded && await roadmaps.AnyAsync(cancellationToken))
            {
                // Another node seeded at the same moment.
                return;
            }

            if (!outcome.Succeeded)
            {
                // A broken shipped document is a bug in this repository: fail the start loudly.
                throw new InvalidOperationException($"The seed roadmap could not be imported: {outcome.File}: {outcome.Failure}");
            }

            LogSeeded(outcome.Result!.Slug, outcome.Result.Status, outcome.Result.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Slug} ({Status}, version {Version})")]
    private partial void LogSeeded(string slug, RoadmapStatus status, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalog is empty and no seed documents were found in {Folder}")]
    private partial void LogNoSeed(string folder);
}
