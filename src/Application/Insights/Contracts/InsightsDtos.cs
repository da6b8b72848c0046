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

/// <summary>
/// The learner's stats across the roadmaps they follow: streaks over the union of their active days on every roadmap
/// (<see cref="CalculatedAt"/> and <see cref="LastEventId"/> say how fresh), and a summary row per followed roadmap.
/// </summary>
public sealed record LearnerStatsDto(
    int CurrentStreak,
    int LongestStreak,
    DateOnly? LastActiveDate,
    DateTimeOffset? CalculatedAt,
    long LastEventId,
    IReadOnlyList<RoadmapStatsSummaryDto> Roadmaps);

/// <summary>A followed roadmap's stats in brief; before its first recalculation, every topic NotStarted and calculatedAt null.</summary>
public sealed record RoadmapStatsSummaryDto(
    string RoadmapSlug,
    string RoadmapTitle,
    int TotalTopics,
    int Done,
    double PercentComplete,
    int CurrentStreak,
    DateOnly? LastActiveDate,
    DateTimeOffset? CalculatedAt,
    long LastEventId);

/// <summary>A roadmap's leaderboard: learners who opted in and follow it, best first.</summary>
public sealed record LeaderboardDto(LeaderboardOrder By, IReadOnlyList<LeaderboardEntryDto> Items);

/// <summary>A place on the leaderboard: the rank (1, 2, 3…, ties broken by the board's order) and the learner's display name.</summary>
public sealed record LeaderboardEntryDto(int Rank, string DisplayName, double PercentComplete, int CurrentStreak);
