namespace Roadmap.Domain.Insights;

/// <summary>Where a section stands: Done once every topic is Done or Skipped.</summary>
public enum SectionStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>A section's counts over its live topics.</summary>
public sealed record SectionStats(
    string Section,
    string Title,
    int Total,
    int Done,
    int Skipped,
    int InProgress,
    double PercentComplete,
    SectionStatus Status);

/// <summary>
/// An active local day (an event moved a topic to InProgress or Done) and how many topics had their latest move to Done
/// on it (each topic counts on one day only).
/// </summary>
public sealed record ActiveDay(DateOnly Date, int Done);

/// <summary>The figures that depend on the day the stats are read: they move at the learner's local midnight.</summary>
public sealed record StatsToday(DateOnly Today, int CurrentStreak, int ActiveDaysLast30, DateOnly? ProjectedFinishDate);
