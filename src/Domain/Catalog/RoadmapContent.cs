namespace Roadmap.Domain.Catalog;

/// <summary>The whole content of a roadmap as an author states it; order is list position.</summary>
public sealed record RoadmapContent(string Title, string? Description, IReadOnlyList<SectionContent> Sections);

public sealed record SectionContent(string Slug, string Title, string? Description, IReadOnlyList<TopicContent> Topics);

public sealed record TopicContent(
    string Slug,
    string Title,
    string Summary,
    TopicKind Kind,
    Difficulty Difficulty,
    int EstimatedMinutes,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> FormerSlugs,
    IReadOnlyList<ResourceContent> Resources);

public sealed record ResourceContent(string Title, string Url, ResourceType Type, bool IsFree);

/// <summary>What an import changed, for the author and the import command's output.</summary>
public sealed record RoadmapChanges(
    bool DetailsChanged,
    int SectionsAdded,
    int SectionsUpdated,
    int SectionsRetired,
    int TopicsAdded,
    int TopicsUpdated,
    int TopicsRetired)
{
    public bool HasChanges =>
        DetailsChanged || SectionsAdded + SectionsUpdated + SectionsRetired + TopicsAdded + TopicsUpdated + TopicsRetired > 0;
}
