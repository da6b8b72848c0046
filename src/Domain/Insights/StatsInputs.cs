using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Insights;

/// <summary>A live section of the roadmap's current version, in roadmap order.</summary>
public sealed record StatsSection(string Slug, string Title);

/// <summary>A live topic of the roadmap's current version: what it counts toward.</summary>
public sealed record StatsTopic(Guid Id, string Section, int EstimatedMinutes);

/// <summary>A progress change as stats read it (from the Learning module's events).</summary>
public sealed record StatsEvent(Guid TopicId, ProgressStatus From, ProgressStatus To, DateTimeOffset OccurredAt)
{
    /// <summary>The event makes its local day active: it moved a topic to InProgress or Done (a note alone does not).</summary>
    public bool IsActivity => From != To && To is ProgressStatus.InProgress or ProgressStatus.Done;

    /// <summary>The event moved a topic to Done.</summary>
    public bool IsDone => From != To && To == ProgressStatus.Done;
}

/// <summary>Everything one learner's stats on one roadmap are rebuilt from.</summary>
public sealed record StatsSource(
    int RoadmapVersion,
    IReadOnlyList<StatsSection> Sections,
    IReadOnlyList<StatsTopic> Topics,
    IReadOnlyDictionary<Guid, ProgressStatus> Statuses,
    IReadOnlyList<StatsEvent> Events,
    long LastEventId);
