using System.Text.Json.Serialization;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Contracts;

/// <summary>A roadmap in a list.</summary>
public sealed record RoadmapSummaryDto(
    Guid Id,
    string Slug,
    string Title,
    string? Description,
    RoadmapStatus Status,
    int Version,
    int TopicCount,
    int EstimatedMinutes,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A whole roadmap, as a learner reads it.</summary>
public sealed record RoadmapDto(
    Guid Id,
    string Slug,
    string Title,
    string? Description,
    RoadmapStatus Status,
    int Version,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    int TopicCount,
    int EstimatedMinutes,
    IReadOnlyList<SectionDto> Sections)
{
    /// <summary>Changes with every change of the roadmap; the source of its ETag.</summary>
    [JsonIgnore]
    public int Revision { get; init; }
}

public sealed record SectionDto(Guid Id, string Slug, string Title, string? Description, int Order, IReadOnlyList<TopicDto> Topics);

/// <summary>A topic; <see cref="Id"/> is stable across versions and renames.</summary>
public sealed record TopicDto(
    Guid Id,
    string Slug,
    string SectionSlug,
    string Title,
    string Summary,
    TopicKind Kind,
    Difficulty Difficulty,
    int EstimatedMinutes,
    int Order,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> FormerSlugs,
    IReadOnlyList<ResourceDto> Resources);

public sealed record ResourceDto(string Title, string Url, ResourceType Type, bool Free);

/// <summary>A topic read on its own, with the roadmap version it belongs to.</summary>
public sealed record TopicDetailsDto(string RoadmapSlug, int RoadmapVersion, TopicDto Topic)
{
    [JsonIgnore]
    public int Revision { get; init; }

    [JsonIgnore]
    public RoadmapStatus RoadmapStatus { get; init; }
}

/// <summary>Entity tags of catalog reads: they change with every change of the roadmap.</summary>
public static class CatalogETags
{
    public static string For(Guid id, int revision) => $"\"{id:N}-{revision}\"";

    /// <summary>
    /// Whether an <c>If-None-Match</c> (<paramref name="weak"/>: weak tags match too) or <c>If-Match</c> (strong
    /// comparison only) value — a list of tags or <c>*</c> — names <paramref name="etag"/>.
    /// </summary>
    public static bool Matches(string header, string etag, bool weak)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || (weak && t == "W/" + etag));
    }
}

/// <summary>Where a roadmap stands after publishing or archiving it.</summary>
public sealed record RoadmapStateDto(string Slug, RoadmapStatus Status, int Version)
{
    /// <summary>The roadmap's ETag now; sent as a header.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}

/// <summary>A roadmap's document with the ETag of the state it was exported from (for <c>If-Match</c> on the import).</summary>
public sealed record ExportedRoadmap(RoadmapDocument Document, string ETag);

/// <summary>What an import changed: counts of sections and topics added, updated and retired.</summary>
public sealed record RoadmapChangesDto(
    bool DetailsChanged,
    int SectionsAdded,
    int SectionsUpdated,
    int SectionsRetired,
    int TopicsAdded,
    int TopicsUpdated,
    int TopicsRetired)
{
    /// <summary>An import that changed nothing.</summary>
    public static RoadmapChangesDto None { get; } = new(false, 0, 0, 0, 0, 0, 0);
}
