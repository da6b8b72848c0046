using System.Text.Json.Serialization;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Contracts;

// "Roadmap as code": the JSON document authors write, import and export (docs/roadmap-document.md).
// Unknown properties are refused so a typo ("prerequisite") is reported instead of silently ignored.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoadmapDocument
{
    /// <summary>The JSON Schema the document declares; ignored.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    public IReadOnlyList<SectionDocument> Sections { get; init; } = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SectionDocument
{
    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    public IReadOnlyList<TopicDocument> Topics { get; init; } = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TopicDocument
{
    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Summary { get; init; } = string.Empty;

    public TopicKind? Kind { get; init; }

    public Difficulty? Difficulty { get; init; }

    public int? EstimatedMinutes { get; init; }

    public IReadOnlyList<string> Prerequisites { get; init; } = [];

    public IReadOnlyList<string> FormerSlugs { get; init; } = [];

    public IReadOnlyList<ResourceDocument> Resources { get; init; } = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ResourceDocument
{
    public string Title { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;

    public ResourceType? Type { get; init; }

    public bool Free { get; init; } = true;
}

public static class RoadmapDocumentMapping
{
    /// <summary>The document as domain content; call only on a validated document.</summary>
    public static RoadmapContent ToContent(this RoadmapDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new RoadmapContent(
            document.Title,
            document.Description,
            document.Sections.Select(s => new SectionContent(
                s.Slug,
                s.Title,
                s.Description,
                s.Topics.Select(t => new TopicContent(
                    t.Slug,
                    t.Title,
                    t.Summary,
                    t.Kind!.Value,
                    t.Difficulty!.Value,
                    t.EstimatedMinutes!.Value,
                    t.Prerequisites,
                    t.FormerSlugs,
                    t.Resources.Select(r => new ResourceContent(r.Title, r.Url, r.Type!.Value, r.Free)).ToList())).ToList())).ToList());
    }

    public static RoadmapDocument ToDocument(this LearningRoadmap roadmap)
    {
        ArgumentNullException.ThrowIfNull(roadmap);
        var content = roadmap.ToContent();
        return new RoadmapDocument
        {
            Slug = roadmap.Slug,
            Title = content.Title,
            Description = content.Description,
            Sections = content.Sections.Select(s => new SectionDocument
            {
                Slug = s.Slug,
                Title = s.Title,
                Description = s.Description,
                Topics = s.Topics.Select(t => new TopicDocument
                {
                    Slug = t.Slug,
                    Title = t.Title,
                    Summary = t.Summary,
                    Kind = t.Kind,
                    Difficulty = t.Difficulty,
                    EstimatedMinutes = t.EstimatedMinutes,
                    Prerequisites = t.Prerequisites,
                    FormerSlugs = t.FormerSlugs,
                    Resources = t.Resources.Select(r => new ResourceDocument { Title = r.Title, Url = r.Url, Type = r.Type, Free = r.IsFree }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }
}
