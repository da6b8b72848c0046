using System.Text.Json.Serialization;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

// A learner's progress on one roadmap as a portable JSON document: what an export gives and an import takes.
// Unknown properties are refused so a typo ("updated") is reported instead of silently ignored.

/// <summary>
/// The progress a learner touched on a roadmap (<see cref="Format"/> <c>roadmap-progress/1</c>): each topic with the
/// status and note it had at <see cref="ProgressTopicDocument.UpdatedAt"/>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProgressDocument
{
    public const string CurrentFormat = "roadmap-progress/1";

    public string Format { get; init; } = string.Empty;

    /// <summary>The roadmap's slug.</summary>
    public string Roadmap { get; init; } = string.Empty;

    /// <summary>The roadmap's version at the export; an import does not need it (topics keep their ids across versions).</summary>
    public int? RoadmapVersion { get; init; }

    public DateTimeOffset? ExportedAt { get; init; }

    /// <summary>Null only when a document left it out (an import refuses that); an export always has it, perhaps empty.</summary>
    public IReadOnlyList<ProgressTopicDocument>? Topics { get; init; }
}

/// <summary>One topic's progress: the topic by id and slug, and its status and note as of <see cref="UpdatedAt"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProgressTopicDocument
{
    public Guid? TopicId { get; init; }

    /// <summary>The topic's slug (an import also knows it by a former slug).</summary>
    public string Topic { get; init; } = string.Empty;

    public ProgressStatus? Status { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
