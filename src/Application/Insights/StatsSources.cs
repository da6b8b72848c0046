using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights;

internal static class StatsSources
{
    /// <summary>What stats count of a roadmap's current version, with a learner's progress on it (none by default).</summary>
    public static StatsSource ToStatsSource(this RoadmapOutline outline, LearnerHistory? history = null) =>
        new(
            outline.Version,
            [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
            [.. outline.Topics.Select(t => new StatsTopic(t.Id, t.Section, t.EstimatedMinutes))],
            history?.Statuses ?? new Dictionary<Guid, ProgressStatus>(),
            [.. (history?.Changes ?? []).Select(e => e.ToStatsEvent())],
            history?.LastEventId ?? 0);

    public static StatsEvent ToStatsEvent(this TopicStatusChange change) => new(change.TopicId, change.From, change.To, change.OccurredAt);
}
