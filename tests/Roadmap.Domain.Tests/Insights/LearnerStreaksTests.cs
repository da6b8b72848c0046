using System.Globalization;
using FluentAssertions;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Tests.Insights;

public class LearnerStreaksTests
{
    private static readonly Guid Learner = Guid.NewGuid();
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static StatsEvent Moved(ProgressStatus to, string instant, ProgressStatus from = ProgressStatus.NotStarted) =>
        new(Guid.NewGuid(), from, to, At(instant));

    [Fact]
    public void The_runs_are_over_the_union_of_active_days_whatever_roadmap_each_came_from()
    {
        // Topics of different roadmaps: each roadmap alone has no two days in a row.
        StatsEvent[] events =
        [
            Moved(ProgressStatus.Done, "2026-03-01T10:00:00Z"), Moved(ProgressStatus.InProgress, "2026-03-02T10:00:00Z"),
            Moved(ProgressStatus.Done, "2026-03-02T18:00:00Z"), Moved(ProgressStatus.InProgress, "2026-03-03T10:00:00Z"),
            Moved(ProgressStatus.Done, "2026-03-05T10:00:00Z"),
        ];

        var streaks = LearnerStreaks.Calculate(Learner, events, 5, Utc, At("2026-03-05T12:00:00Z"));

        (streaks.LongestStreak, streaks.LastRun, streaks.LastActiveDate).Should().Be((3, 1, new DateOnly(2026, 3, 5)));
        streaks.CurrentStreakOn(At("2026-03-06T23:59:00Z")).Should().Be(1, "the 5th is yesterday");
        streaks.CurrentStreakOn(At("2026-03-07T00:00:00Z")).Should().Be(0, "from the midnight that ends it, with no recalculation");
    }

    [Fact]
    public void Notes_and_skips_do_not_make_a_day_active()
    {
        StatsEvent[] events =
        [
            Moved(ProgressStatus.Done, "2026-03-01T10:00:00Z"),
            Moved(ProgressStatus.Done, "2026-03-02T10:00:00Z", from: ProgressStatus.Done),
            Moved(ProgressStatus.Skipped, "2026-03-03T10:00:00Z"),
        ];

        var streaks = LearnerStreaks.Calculate(Learner, events, 3, Utc, At("2026-03-03T12:00:00Z"));

        (streaks.LongestStreak, streaks.LastActiveDate).Should().Be((1, new DateOnly(2026, 3, 1)));
        streaks.CurrentStreakOn(At("2026-03-03T12:00:00Z")).Should().Be(0);
    }

    [Fact]
    public void Days_are_the_learners_local_days()
    {
        // 11:00Z and 09:30Z the next day are both the 2nd in Kiritimati (UTC+14): one day, not two.
        StatsEvent[] events = [Moved(ProgressStatus.Done, "2026-03-01T11:00:00Z"), Moved(ProgressStatus.Done, "2026-03-02T09:30:00Z")];

        var streaks = LearnerStreaks.Calculate(Learner, events, 2, Kiritimati, At("2026-03-02T10:00:00Z"));

        (streaks.LongestStreak, streaks.LastActiveDate, streaks.TimeZone).Should().Be((1, new DateOnly(2026, 3, 2), "Pacific/Kiritimati"));
        streaks.CurrentStreakOn(At("2026-03-02T10:00:00Z")).Should().Be(1);
        streaks.CurrentStreakOn(At("2026-03-03T10:00:00Z")).Should().Be(0, "it is the 4th in Kiritimati");
    }

    [Fact]
    public void A_recalculation_from_fewer_events_is_ignored_and_each_applied_one_moves_the_version()
    {
        var streaks = LearnerStreaks.Calculate(Learner, [Moved(ProgressStatus.Done, "2026-03-01T10:00:00Z"), Moved(ProgressStatus.Done, "2026-03-02T10:00:00Z")], 8, Utc, At("2026-03-02T12:00:00Z"));
        var version = streaks.Version;

        streaks.Recalculate([Moved(ProgressStatus.Done, "2026-03-01T10:00:00Z")], 7, Utc, At("2026-03-02T13:00:00Z")).Should().BeFalse();
        (streaks.LongestStreak, streaks.LastEventId, streaks.Version).Should().Be((2, 8L, version));

        streaks.Recalculate([Moved(ProgressStatus.Done, "2026-03-02T10:00:00Z")], 8, Utc, At("2026-03-02T14:00:00Z")).Should().BeTrue();
        (streaks.LongestStreak, streaks.Version).Should().Be((1, version + 1));
    }

    [Fact]
    public void Before_any_recalculation_there_are_no_streaks()
    {
        var none = LearnerStreaks.None(Learner);

        (none.LongestStreak, none.LastActiveDate, none.CalculatedAt, none.LastEventId).Should().Be((0, (DateOnly?)null, (DateTimeOffset?)null, 0L));
        none.CurrentStreakOn(At("2026-03-02T10:00:00Z")).Should().Be(0);
    }
}
