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
