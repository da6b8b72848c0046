using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Contracts;

/// <summary>
/// A learner's stats on a roadmap as of now: counts from the last recalculation (<see cref="LastEventId"/> says up to
/// which progress event), today's figures (streak, active days, projected finish) from the learner's local date.
/// </summary>
public sealed record RoadmapStatsDto(
    string RoadmapSlug,
    int TotalTopics,
    int Done,
    int Skipped,
    int InProgress,
    int NotStarted,
    double PercentComplete,
    int EstimatedMinutesRemaining,
    int CurrentStreak,
    int LongestStreak,
    int ActiveDaysLast30,
    DateOnly? LastActiveDate,
    DateOnly? ProjectedFinishDate,
    IReadOnlyList<SectionStatsDto> Sections,
    DateTimeOffset? CalculatedAt,
    long LastEventId);

public sealed record SectionStatsDto(
    string Section,
    string Title,
    int Total,
    int Done,
    int Skipped,
    int InProgress,
    double PercentComplete,
    SectionStatus Status);
