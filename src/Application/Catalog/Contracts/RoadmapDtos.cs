using MapsterMapper;
using Roadmap.Application.Common.Messaging;
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
    IReadOnlyList<SectionDto> Sections);

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
public sealed record TopicDetailsDto(string RoadmapSlug, int RoadmapVersion, TopicDto Topic);

/// <summary>Where a roadmap stands after publishing or archiving it.</summary>
public sealed record RoadmapStateDto(string Slug, RoadmapStatus Status, int Version);

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

/// <summary>What creating or importing a roadmap did: its state now and the counts of what changed.</summary>
public sealed record ImportRoadmapResult(string Slug, bool Created, RoadmapStatus Status, int Version, RoadmapChangesDto Changes)
{
    /// <summary>The result as the roadmap stands now; <paramref name="changes"/> is null for a roadmap just created.</summary>
    public static Revisioned<ImportRoadmapResult> For(LearningRoadmap roadmap, RoadmapChanges? changes, IMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(roadmap);
        ArgumentNullException.ThrowIfNull(mapper);
        var created = changes is null;
        changes ??= new RoadmapChanges(
            true, roadmap.Sections.Count(s => !s.IsRetired), 0, 0, roadmap.Topics.Count(t => !t.IsRetired), 0, 0);
        var result = new ImportRoadmapResult(roadmap.Slug, created, roadmap.Status, roadmap.Version, mapper.Map<RoadmapChangesDto>(changes));
        return new(result, roadmap.Revision);
    }
}
