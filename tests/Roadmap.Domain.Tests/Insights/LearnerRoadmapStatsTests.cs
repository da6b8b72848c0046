using FluentAssertions;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Tests.Insights;

public class LearnerRoadmapStatsTests
{
    private static readonly Guid Learner = Guid.NewGuid();
    private static readonly Guid Roadmap = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static readonly StatsSection Basics = new("basics", "Basics");
    private static readonly StatsSection Advanced = new("advanced", "Advanced");

    private static readonly StatsTopic[] Topics =
    [
        new(A, "basics", 60), new(B, "basics", 30), new(C, "advanced", 120), new(D, "advanced", 90),
    ];

    private static StatsSource Source(Dictionary<Guid, ProgressStatus> statuses, StatsEvent[]? events = null, long lastEventId = 1, int version = 1, StatsTopic[]? topics = null) =>
        new(version, [Basics, Advanced], topics ?? Topics, statuses, events ?? [], lastEventId);

    private static StatsEvent Moved(Guid topic, ProgressStatus to, string instant, ProgressStatus from = ProgressStatus.NotStarted) =>
        new(topic, from, to, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Counts_percent_and_minutes_cover_live_topics_and_leave_skipped_ones_out_of_the_denominator()
    {
        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap,
            Source(new() { [A] = ProgressStatus.Done, [B] = ProgressStatus.Skipped, [C] = ProgressStatus.InProgress }), Utc, At("2026-03-10T12:00:00Z"));

        stats.TotalTopics.Should().Be(4);
        (stats.Done, stats.Skipped, stats.InProgress, stats.NotStarted).Should().Be((1, 1, 1, 1));
        stats.PercentComplete.Should().Be(33.3, "1 done of 3 not skipped");
        stats.EstimatedMinutesRemaining.Should().Be(210, "C and D are neither Done nor Skipped");
        stats.Sections.Should().Equal(
            new SectionStats("basics", "Basics", 2, 1, 1, 0, 100, SectionStatus.Done),
            new SectionStats("advanced", "Advanced", 2, 0, 0, 1, 0, SectionStatus.InProgress));
    }

    [Fact]
    public void A_roadmap_skipped_whole_is_zero_percent_and_has_nothing_remaining()
    {
        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap,
            Source(Topics.ToDictionary(t => t.Id, _ => ProgressStatus.Skipped)), Utc, At("2026-03-10T12:00:00Z"));

        stats.PercentComplete.Should().Be(0);
        stats.EstimatedMinutesRemaining.Should().Be(0);
        stats.Sections.Should().OnlyContain(s => s.Status == SectionStatus.Done && s.PercentComplete == 0);
        stats.On(At("2026-03-10T12:00:00Z")).ProjectedFinishDate.Should().BeNull("nothing remains");
    }

    [Fact]
    public void A_retired_topic_leaves_the_counts_and_a_new_one_starts_not_started()
    {
        StatsTopic[] nextVersion = [new(A, "basics", 60), new(B, "basics", 30), new(D, "advanced", 90), new(Guid.NewGuid(), "advanced", 15)];

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap,
            Source(new() { [A] = ProgressStatus.Done, [C] = ProgressStatus.Done }, version: 2, topics: nextVersion), Utc, At("2026-03-10T12:00:00Z"));

        stats.TotalTopics.Should().Be(4);
        (stats.Done, stats.NotStarted).Should().Be((1, 3), "C's progress is kept but it is no longer live");
        stats.PercentComplete.Should().Be(25);
        stats.EstimatedMinutesRemaining.Should().Be(135);
    }

    [Fact]
    public void A_retired_topic_moved_to_Done_keeps_its_day_active_but_gives_no_pace()
    {
        StatsTopic[] nextVersion = [new(A, "basics", 60), new(B, "basics", 30)];
        var events = new[] { Moved(C, ProgressStatus.Done, "2026-03-09T10:00:00Z") };

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap,
            Source(new() { [C] = ProgressStatus.Done }, events, version: 2, topics: nextVersion), Utc, At("2026-03-10T12:00:00Z"));
        var today = stats.On(At("2026-03-10T12:00:00Z"));

        today.ActiveDaysLast30.Should().Be(1, "the day was active when it happened");
        (stats.Done, stats.PercentComplete).Should().Be((0, 0.0));
        today.ProjectedFinishDate.Should().BeNull("no live topic was done, so there is no pace to project from");
    }

    [Fact]
    public void Days_are_counted_in_the_learners_zone_UTC_plus_14()
    {
        // 11:00 UTC on 1 March is 01:00 on 2 March in Kiritimati; 09:00 UTC on 2 March is 23:00 on 2 March there.
        var events = new[]
        {
            Moved(A, ProgressStatus.InProgress, "2026-03-01T11:00:00Z"),
            Moved(A, ProgressStatus.Done, "2026-03-02T09:00:00Z", ProgressStatus.InProgress),
            Moved(B, ProgressStatus.Done, "2026-03-02T10:30:00Z"),
        };

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, Source(new() { [A] = ProgressStatus.Done, [B] = ProgressStatus.Done }, events), Kiritimati, At("2026-03-02T10:45:00Z"));

        stats.RecentDays.Should().Equal(new ActiveDay(new DateOnly(2026, 3, 2), 1), new ActiveDay(new DateOnly(2026, 3, 3), 1));
        stats.LastActiveDate.Should().Be(new DateOnly(2026, 3, 3));
        stats.LongestStreak.Should().Be(2);
        stats.On(At("2026-03-02T10:45:00Z")).CurrentStreak.Should().Be(2, "it is already 3 March in Kiritimati");
        stats.TimeZone.Should().Be("Pacific/Kiritimati");
    }

    [Fact]
    public void The_pace_counts_each_topic_moved_to_Done_once_whatever_the_zone_splits_its_moves_into()
    {
        // A is moved to Done at 18:30 UTC, back, and to Done again at 19:30 UTC; B once, at 18:45 UTC. Karachi's
        // midnight (UTC+5) is 19:00 UTC, so there A's moves fall on two local days; in UTC on one.
        var events = new[]
        {
            Moved(A, ProgressStatus.Done, "2026-03-03T18:30:00Z"),
            Moved(A, ProgressStatus.NotStarted, "2026-03-03T18:35:00Z", ProgressStatus.Done),
            Moved(B, ProgressStatus.Done, "2026-03-03T18:45:00Z"),
            Moved(A, ProgressStatus.Done, "2026-03-03T19:30:00Z"),
        };
        var source = Source(new() { [A] = ProgressStatus.Done, [B] = ProgressStatus.Done }, events);
        var now = At("2026-03-03T20:00:00Z");

        var utc = LearnerRoadmapStats.Calculate(Learner, Roadmap, source, Utc, now);
        var karachi = LearnerRoadmapStats.Calculate(Learner, Roadmap, source, TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi"), now);

        utc.RecentDays.Should().Equal(new ActiveDay(new DateOnly(2026, 3, 3), 2));
        karachi.RecentDays.Should().Equal(new ActiveDay(new DateOnly(2026, 3, 3), 1), new ActiveDay(new DateOnly(2026, 3, 4), 1));
        // Two topics in 30 days: a pace of 2/30 a day, so the 2 topics left take ⌈2 × 30 ÷ 2⌉ = 30 days in either zone.
        utc.On(now).ProjectedFinishDate.Should().Be(new DateOnly(2026, 4, 2));
        karachi.On(now).ProjectedFinishDate.Should().Be(new DateOnly(2026, 4, 3));
    }

    [Fact]
    public void Days_follow_Los_Angeles_across_the_daylight_saving_change()
    {
        // Clocks go forward on 8 March 2026 at 02:00 local (10:00 UTC): before, local = UTC-8; after, UTC-7.
        var events = new[]
        {
            Moved(A, ProgressStatus.InProgress, "2026-03-08T07:30:00Z"), // 23:30 on 7 March (PST)
            Moved(B, ProgressStatus.InProgress, "2026-03-09T06:30:00Z"), // 23:30 on 8 March (PDT)
            Moved(C, ProgressStatus.InProgress, "2026-03-09T07:30:00Z"), // 00:30 on 9 March (PDT); PST would say 8 March
        };

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, Source([], events), LosAngeles, At("2026-03-09T18:00:00Z"));

        stats.RecentDays.Select(d => d.Date).Should().Equal(new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9));
        stats.LongestStreak.Should().Be(3);
        stats.On(At("2026-03-09T18:00:00Z")).CurrentStreak.Should().Be(3);
    }

    [Fact]
    public void A_current_streak_ends_at_the_local_midnight_after_the_day_after_the_last_active_day_with_no_event()
    {
        var events = new[]
        {
            Moved(A, ProgressStatus.InProgress, "2026-03-01T10:00:00Z"),
            Moved(B, ProgressStatus.InProgress, "2026-03-02T10:00:00Z"),
        };
        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, Source([], events), Kiritimati, At("2026-03-02T10:00:00Z"));

        // Last active local day: 3 March (Kiritimati). 4 March still counts (ending yesterday); 5 March 00:00 local = 4 March 10:00 UTC.
        stats.On(At("2026-03-04T09:59:00Z")).CurrentStreak.Should().Be(2);
        stats.On(At("2026-03-04T10:00:00Z")).CurrentStreak.Should().Be(0);
        stats.On(At("2026-03-04T10:01:00Z")).CurrentStreak.Should().Be(0);
        stats.LongestStreak.Should().Be(2, "the longest streak stays");
    }

    [Fact]
    public void A_note_alone_or_a_move_back_to_not_started_or_skipped_is_no_activity()
    {
        var events = new[]
        {
            Moved(A, ProgressStatus.InProgress, "2026-03-01T10:00:00Z", ProgressStatus.InProgress),
            Moved(B, ProgressStatus.Skipped, "2026-03-02T10:00:00Z"),
            Moved(C, ProgressStatus.NotStarted, "2026-03-03T10:00:00Z", ProgressStatus.InProgress),
        };

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, Source([], events), Utc, At("2026-03-03T12:00:00Z"));

        stats.RecentDays.Should().BeEmpty();
        stats.LastActiveDate.Should().BeNull();
        stats.On(At("2026-03-03T12:00:00Z")).Should().Be(new StatsToday(new DateOnly(2026, 3, 3), 0, 0, null));
    }

    [Fact]
    public void Active_days_and_the_projected_finish_follow_the_last_30_local_days_pace()
    {
        // Two topics moved to Done in the window: pace 2/30 a day; two remain → ⌈2 ÷ (2/30)⌉ = 30 days.
        var events = new[]
        {
            Moved(A, ProgressStatus.Done, "2026-02-01T10:00:00Z"), // outside the window
            Moved(B, ProgressStatus.Done, "2026-03-01T10:00:00Z"),
            Moved(C, ProgressStatus.InProgress, "2026-03-05T10:00:00Z"),
            Moved(C, ProgressStatus.Done, "2026-03-10T10:00:00Z", ProgressStatus.InProgress),
            Moved(C, ProgressStatus.InProgress, "2026-03-10T11:00:00Z", ProgressStatus.Done),
        };
        var statuses = new Dictionary<Guid, ProgressStatus> { [A] = ProgressStatus.Done, [B] = ProgressStatus.Done, [C] = ProgressStatus.InProgress };

        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, Source(statuses, events), Utc, At("2026-03-10T12:00:00Z"));
        var today = stats.On(At("2026-03-10T12:00:00Z"));

        today.ActiveDaysLast30.Should().Be(3, "1, 5 and 10 March");
        today.ProjectedFinishDate.Should().Be(new DateOnly(2026, 4, 9));

        // Later, with no new event, the window slides: on 31 March only 5 and 10 March are within the last 30 days.
        var later = stats.On(At("2026-03-31T12:00:00Z"));
        later.ActiveDaysLast30.Should().Be(2);
        later.ProjectedFinishDate.Should().Be(new DateOnly(2026, 3, 31).AddDays(60), "pace 1/30 a day, two remain");
        stats.On(At("2026-04-20T12:00:00Z")).ProjectedFinishDate.Should().BeNull("no pace left");
    }

    [Fact]
    public void A_recalculation_from_older_data_never_undoes_a_newer_one_and_one_from_the_same_data_changes_nothing()
    {
        var now = At("2026-03-10T12:00:00Z");
        var newer = Source(new() { [A] = ProgressStatus.Done }, [Moved(A, ProgressStatus.Done, "2026-03-10T10:00:00Z")], lastEventId: 7);
        var stats = LearnerRoadmapStats.Calculate(Learner, Roadmap, newer, Utc, now);

        stats.Recalculate(Source([], lastEventId: 3), Utc, now).Should().BeFalse();
        stats.Done.Should().Be(1);

        stats.Recalculate(newer, Utc, now).Should().BeTrue();
        stats.Should().BeEquivalentTo(
            LearnerRoadmapStats.Calculate(Learner, Roadmap, newer, Utc, now), o => o.Excluding(s => s.Id).Excluding(s => s.Version));
        stats.Version.Should().Be(2, "each rebuild is a new version of the row, so concurrent rebuilds conflict");
    }
}
