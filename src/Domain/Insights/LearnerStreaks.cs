using Roadmap.Domain.Common;

namespace Roadmap.Domain.Insights;

/// <summary>
/// A learner's streaks across all their roadmaps: the runs of the union of their active days (a local day on which an
/// event of any roadmap moved a topic to InProgress or Done). One row per learner, rebuilt whole from every such event
/// of the learner in the transaction of each recalculation of one of their roadmaps, so it is as fresh as the freshest
/// roadmap row. The current streak is derived when read (<see cref="CurrentStreakOn"/>), like a roadmap's.
/// </summary>
public sealed class LearnerStreaks : AggregateRoot
{
    private LearnerStreaks()
    {
    }

    private LearnerStreaks(Guid learnerId)
    {
        Id = Guid.CreateVersion7();
        LearnerId = learnerId;
    }

    public Guid LearnerId { get; private set; }

    public int LongestStreak { get; private set; }

    /// <summary>The last active local day on any roadmap, and the run of consecutive active days that ends on it.</summary>
    public DateOnly? LastActiveDate { get; private set; }

    public int LastRun { get; private set; }

    /// <summary>The IANA time zone the days were counted in.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>When the streaks were rebuilt; null for <see cref="None"/>.</summary>
    public DateTimeOffset? CalculatedAt { get; private set; }

    /// <summary>The largest event id of the learner's events this calculation read (0: none yet).</summary>
    public long LastEventId { get; private set; }

    /// <summary>
    /// Counts rebuilds: recalculations of two of the learner's roadmaps at once both rebuild this row, and the one that
    /// read older events must not overwrite the other, so the second to save conflicts and runs again.
    /// </summary>
    public int Version { get; private set; }

    public static LearnerStreaks Calculate(Guid learnerId, IReadOnlyList<StatsEvent> events, long lastEventId, TimeZoneInfo zone, DateTimeOffset now)
    {
        var streaks = new LearnerStreaks(learnerId);
        streaks.Apply(events, lastEventId, zone, now);
        return streaks;
    }

    /// <summary>What a reader sees before any recalculation: no activity, <see cref="CalculatedAt"/> null. Not kept.</summary>
    public static LearnerStreaks None(Guid learnerId) => new(learnerId);

    /// <summary>
    /// Rebuilds the streaks from every activity event of the learner. A calculation that read fewer events than the
    /// stored one (a smaller last event id) is ignored, so a late one never undoes a newer one. True when applied.
    /// </summary>
    public bool Recalculate(IReadOnlyList<StatsEvent> events, long lastEventId, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (lastEventId < LastEventId)
        {
            return false;
        }

        Apply(events, lastEventId, zone, now);
        return true;
    }

    /// <summary>The current streak as of <paramref name="now"/> in the zone the days were counted in.</summary>
    public int CurrentStreakOn(DateTimeOffset now) =>
        Streaks.Current(LastActiveDate, LastRun, LocalCalendar.DateOf(now, LocalCalendar.Zone(TimeZone)));

    private void Apply(IReadOnlyList<StatsEvent> events, long lastEventId, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(zone);
        var days = events.Where(e => e.IsActivity).Select(e => LocalCalendar.DateOf(e.OccurredAt, zone)).Distinct().Order().ToList();
        (LongestStreak, LastRun) = Streaks.Runs(days);
        LastActiveDate = days.Count > 0 ? days[^1] : null;
        TimeZone = zone.Id;
        CalculatedAt = now;
        LastEventId = lastEventId;
        Version++;
    }
}
