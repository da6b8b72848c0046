using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Insights;

/// <summary>
/// One learner's stats on one roadmap, rebuilt whole from the source of truth (progress and events) by every
/// recalculation, so a recalculation run twice, late or concurrently leaves the same row. Figures that depend on
/// today (current streak, active days in the last 30, projected finish) are derived when read (<see cref="On"/>)
/// from the active days kept here, so they change at the learner's local midnight without any recalculation.
/// </summary>
public sealed class LearnerRoadmapStats : AggregateRoot
{
    /// <summary>Active days kept: enough for any later reading of the last 30 days.</summary>
    public const int RecentDaysKept = 31;

    private LearnerRoadmapStats()
    {
    }

    private LearnerRoadmapStats(Guid learnerId, Guid roadmapId)
    {
        Id = Guid.CreateVersion7();
        LearnerId = learnerId;
        RoadmapId = roadmapId;
    }

    public Guid LearnerId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public int RoadmapVersion { get; private set; }

    public int TotalTopics { get; private set; }

    public int Done { get; private set; }

    public int Skipped { get; private set; }

    public int InProgress { get; private set; }

    public int NotStarted => TotalTopics - Done - Skipped - InProgress;

    /// <summary>Done ÷ (total − skipped) × 100, one decimal; 0 when nothing is left to count.</summary>
    public double PercentComplete { get; private set; }

    public int EstimatedMinutesRemaining { get; private set; }

    public int LongestStreak { get; private set; }

    /// <summary>The last active local day, and the run of consecutive active days that ends on it.</summary>
    public DateOnly? LastActiveDate { get; private set; }

    public int LastRun { get; private set; }

    /// <summary>Active days of the last <see cref="RecentDaysKept"/> local days before the calculation, oldest first.</summary>
    public IReadOnlyList<ActiveDay> RecentDays { get; private set; } = [];

    public IReadOnlyList<SectionStats> Sections { get; private set; } = [];

    /// <summary>The IANA time zone the days were counted in.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>When the figures were rebuilt; null for <see cref="NotYetCalculated"/>.</summary>
    public DateTimeOffset? CalculatedAt { get; private set; }

    /// <summary>The largest Learning event id this calculation includes (0: none yet).</summary>
    public long LastEventId { get; private set; }

    /// <summary>
    /// Counts rebuilds: of two recalculations of this row at once, the one that read older data must not overwrite
    /// the other, so the second to save conflicts and runs again (as <see cref="LearnerStreaks.Version"/>).
    /// </summary>
    public int Version { get; private set; }

    public static LearnerRoadmapStats Calculate(Guid learnerId, Guid roadmapId, StatsSource source, TimeZoneInfo zone, DateTimeOffset now)
    {
        var stats = new LearnerRoadmapStats(learnerId, roadmapId);
        stats.Apply(source, zone, now);
        return stats;
    }

    /// <summary>
    /// What a reader sees before the first recalculation: the roadmap's live topics, all NotStarted, and no activity;
    /// <see cref="CalculatedAt"/> null and <see cref="LastEventId"/> 0. Not kept.
    /// </summary>
    public static LearnerRoadmapStats NotYetCalculated(Guid learnerId, Guid roadmapId, StatsSource source, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stats = new LearnerRoadmapStats(learnerId, roadmapId);
        stats.Apply(source with { Statuses = new Dictionary<Guid, ProgressStatus>(), Events = [], LastEventId = 0 }, zone, DateTimeOffset.UnixEpoch);
        stats.CalculatedAt = null;
        return stats;
    }

    /// <summary>
    /// Rebuilds every figure from <paramref name="source"/>. A source older than what is stored (a smaller last event
    /// id, or an older roadmap version) is ignored, so a late recalculation never undoes a newer one. True when applied.
    /// </summary>
    public bool Recalculate(StatsSource source, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.LastEventId < LastEventId || (source.LastEventId == LastEventId && source.RoadmapVersion < RoadmapVersion))
        {
            return false;
        }

        Apply(source, zone, now);
        return true;
    }

    /// <summary>The figures as of <paramref name="now"/> in the learner's time zone.</summary>
    public StatsToday On(DateTimeOffset now)
    {
        var today = LocalCalendar.DateOf(now, LocalCalendar.Zone(TimeZone));
        var window = RecentDays.Where(d => d.Date > today.AddDays(-30) && d.Date <= today).ToList();
        var current = Streaks.Current(LastActiveDate, LastRun, today);
        var doneLast30 = window.Sum(d => d.Done);
        var remaining = TotalTopics - Done - Skipped;

        // Pace = doneLast30 / 30 topics a day; ⌈remaining ÷ pace⌉ = ⌈remaining × 30 ÷ doneLast30⌉ days.
        DateOnly? finish = doneLast30 > 0 && remaining > 0 ? today.AddDays((int)(((long)remaining * 30 + doneLast30 - 1) / doneLast30)) : null;
        return new StatsToday(today, current, window.Count, finish);
    }

    public static double Percent(int done, int total, int skipped) =>
        total - skipped <= 0 ? 0 : Math.Round(done * 100.0 / (total - skipped), 1, MidpointRounding.AwayFromZero);

    private void Apply(StatsSource source, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(zone);
        // One pass over the live topics, counting per section as well (sections in roadmap order).
        var sections = source.Sections.ToDictionary(s => s.Slug, _ => new StatusCounts());
        var all = new StatusCounts();
        var minutesRemaining = 0;
        foreach (var topic in source.Topics)
        {
            var status = source.Statuses.GetValueOrDefault(topic.Id, ProgressStatus.NotStarted);
            all.Add(status);
            if (sections.TryGetValue(topic.Section, out var section))
            {
                section.Add(status);
            }

            if (status is not (ProgressStatus.Done or ProgressStatus.Skipped))
            {
                minutesRemaining += topic.EstimatedMinutes;
            }
        }

        RoadmapVersion = source.RoadmapVersion;
        TotalTopics = all.Total;
        Done = all.Done;
        Skipped = all.Skipped;
        InProgress = all.InProgress;
        PercentComplete = Percent(Done, TotalTopics, Skipped);
        EstimatedMinutesRemaining = minutesRemaining;
        Sections = [.. source.Sections.Select(s => sections[s.Slug].ToSection(s))];

        // Days in the learner's zone. Every event counts, a retired topic's too: the day was active when it happened.
        // A live topic moved to Done counts toward the pace once, on the day of its latest move to Done, so a run of
        // days counts the distinct topics moved to Done in it, whatever the zone splits the moves into. A retired one
        // does not: it left the stats, and the pace is spent on the live topics that remain.
        var live = source.Topics.Select(t => t.Id).ToHashSet();
        var doneOn = source.Events
            .Where(e => e.IsDone && live.Contains(e.TopicId))
            .GroupBy(e => e.TopicId)
            .CountBy(g => LocalCalendar.DateOf(g.Max(e => e.OccurredAt), zone))
            .ToDictionary();
        var days = source.Events
            .Where(e => e.IsActivity)
            .Select(e => LocalCalendar.DateOf(e.OccurredAt, zone))
            .Distinct()
            .Order()
            .Select(date => new ActiveDay(date, doneOn.GetValueOrDefault(date)))
            .ToList();
        (LongestStreak, LastRun) = Streaks.Runs(days.Select(d => d.Date));
        LastActiveDate = days.Count > 0 ? days[^1].Date : null;
        var today = LocalCalendar.DateOf(now, zone);
        RecentDays = [.. days.Where(d => d.Date > today.AddDays(-RecentDaysKept))];
        TimeZone = zone.Id;
        CalculatedAt = now;
        LastEventId = source.LastEventId;
        Version++;
    }

    /// <summary>How many topics are in each status, counted one at a time.</summary>
    private sealed class StatusCounts
    {
        public int Total { get; private set; }

        public int Done { get; private set; }

        public int Skipped { get; private set; }

        public int InProgress { get; private set; }

        public void Add(ProgressStatus status)
        {
            Total++;
            Done += status == ProgressStatus.Done ? 1 : 0;
            Skipped += status == ProgressStatus.Skipped ? 1 : 0;
            InProgress += status == ProgressStatus.InProgress ? 1 : 0;
        }

        public SectionStats ToSection(StatsSection section)
        {
            var status = Total > 0 && Done + Skipped == Total ? SectionStatus.Done
                : Done + Skipped + InProgress > 0 ? SectionStatus.InProgress
                : SectionStatus.NotStarted;
            return new SectionStats(section.Slug, section.Title, Total, Done, Skipped, InProgress, Percent(Done, Total, Skipped), status);
        }
    }
}
