using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights;

internal static class StatsSources
{
    /// <summary>What stats count of a roadmap's current version, with no progress.</summary>
    public static StatsSource ToStatsSource(this RoadmapOutline outline) =>
        new(
            outline.Version,
            [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
            [.. outline.Topics.Select(t => new StatsTopic(t.Id, t.Section, t.EstimatedMinutes))],
            new Dictionary<Guid, ProgressStatus>(),
            [],
            0);

    /// <summary>The roadmap's <paramref name="source"/> (built once for many learners) with one learner's progress on it.</summary>
    public static StatsSource With(this StatsSource source, LearnerHistory history) =>
        source with { Statuses = history.Statuses, Events = [.. history.Changes.Select(ToStatsEvent)], LastEventId = history.LastEventId };

    public static StatsEvent ToStatsEvent(this TopicStatusChange change) => new(change.TopicId, change.From, change.To, change.OccurredAt);
}
