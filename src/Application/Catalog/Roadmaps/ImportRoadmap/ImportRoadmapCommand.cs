using System.Text.Json.Serialization;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;

/// <summary>
/// Upserts a roadmap from its document, by slug: creates a draft, or applies the document to the existing
/// roadmap (a published one gets a new version when anything changed). Importing the same document twice
/// changes nothing the second time. <paramref name="Publish"/> also publishes a draft. <paramref name="RouteSlug"/>,
/// when given (<c>PUT /api/roadmaps/{slug}</c>), must be the document's slug. <paramref name="IfMatch"/>, when given,
/// must name the roadmap's current ETag (as read from <c>GET /api/roadmaps/{slug}</c>), so an author cannot
/// overwrite a change made since they read the roadmap.
/// </summary>
public sealed record ImportRoadmapCommand(RoadmapDocument Document, bool Publish = false, string? RouteSlug = null, string? IfMatch = null)
    : ICommand<Result<ImportRoadmapResult>>;

/// <summary>What an import did, e.g. for the import command's one line per roadmap.</summary>
public sealed record ImportRoadmapResult(string Slug, bool Created, RoadmapStatus Status, int Version, RoadmapChangesDto Changes)
{
    /// <summary>The roadmap's ETag after the import, for the next <c>If-Match</c>; sent as a header.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>The result as the roadmap stands now; <paramref name="changes"/> is null for a roadmap just created.</summary>
    public static ImportRoadmapResult For(LearningRoadmap roadmap, RoadmapChanges? changes)
    {
        ArgumentNullException.ThrowIfNull(roadmap);
        var created = changes is null;
        changes ??= new RoadmapChanges(
            true, roadmap.Sections.Count(s => !s.IsRetired), 0, 0, roadmap.Topics.Count(t => !t.IsRetired), 0, 0);
        var dto = new RoadmapChangesDto(
            changes.DetailsChanged, changes.SectionsAdded, changes.SectionsUpdated, changes.SectionsRetired,
            changes.TopicsAdded, changes.TopicsUpdated, changes.TopicsRetired);
        return new ImportRoadmapResult(roadmap.Slug, created, roadmap.Status, roadmap.Version, dto)
        {
            ETag = CatalogETags.For(roadmap.Id, roadmap.Revision),
        };
    }

    public override string ToString()
    {
        var what = Created
            ? $"created with {Changes.SectionsAdded} sections and {Changes.TopicsAdded} topics"
            : Changes != RoadmapChangesDto.None
                ? $"updated: sections +{Changes.SectionsAdded} ~{Changes.SectionsUpdated} -{Changes.SectionsRetired}, " +
                  $"topics +{Changes.TopicsAdded} ~{Changes.TopicsUpdated} -{Changes.TopicsRetired}" +
                  (Changes.DetailsChanged ? ", title/description changed" : string.Empty)
                : "unchanged";
        return $"{Slug}: {what} ({Status}, version {Version})";
    }
}
