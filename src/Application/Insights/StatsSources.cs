using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights;

internal static class StatsSources
{
    /// <summary>What stats count of a roadmap's current version, with a learner's statuses and events (none by default).</summary>
    public static StatsSource ToStatsSource(
        this RoadmapOutline outline,
        IReadOnlyDictionary<Guid, ProgressStatus>? statuses = null,
        IReadOnlyList<EventForStats>? events = null) =>
        new(
            outline.Version,
            [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
            [.. outline.Topics.Select(t => new StatsTopic(t.Id, t.Section, t.EstimatedMinutes))],
            statuses ?? new Dictionary<Guid, ProgressStatus>(),
            [.. (events ?? []).Select(e => new StatsEvent(e.TopicId, e.From, e.To, e.OccurredAt))],
            events is { Count: > 0 } ? events[^1].EventId : 0);
}
