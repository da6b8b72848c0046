using FluentAssertions;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Tests.Learning;

public class ProgressActivityTests
{
    private static readonly TimeZoneInfo Kiritimati = LocalCalendar.Zone("Pacific/Kiritimati");
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 31);

    private static ProgressChange Change(string at, ProgressStatus from, ProgressStatus to) =>
        new(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), from, to);

    [Fact]
    public void Changes_are_counted_per_local_day_in_date_order_and_days_without_any_are_left_out()
    {
        var changes = new[]
        {
            Change("2026-03-05T12:00:00Z", ProgressStatus.InProgress, ProgressStatus.Done),
            Change("2026-03-01T09:00:00Z", ProgressStatus.NotStarted, ProgressStatus.InProgress),
            Change("2026-03-01T11:00:00Z", ProgressStatus.InProgress, ProgressStatus.Done),
        };

        var days = ProgressActivity.ByLocalDay(changes, Kiritimati, From, To);

        days.Should().Equal(new DailyProgress(new(2026, 3, 1), 1, 0), new DailyProgress(new(2026, 3, 2), 1, 1), new DailyProgress(new(2026, 3, 6), 1, 1));
    }

    [Fact]
    public void Done_counts_the_changes_that_moved_a_topic_to_Done()
    {
        var changes = new[]
        {
            Change("2026-03-10T00:00:00Z", ProgressStatus.NotStarted, ProgressStatus.Done),
            Change("2026-03-10T00:01:00Z", ProgressStatus.Done, ProgressStatus.Done),
            Change("2026-03-10T00:02:00Z", ProgressStatus.Done, ProgressStatus.InProgress),
            Change("2026-03-10T00:03:00Z", ProgressStatus.Skipped, ProgressStatus.Done),
            Change("2026-03-10T00:04:00Z", ProgressStatus.InProgress, ProgressStatus.Skipped),
        };

        ProgressActivity.ByLocalDay(changes, TimeZoneInfo.Utc, From, To).Should().Equal(new DailyProgress(new(2026, 3, 10), 5, 2));
    }

    [Fact]
    public void Changes_dated_outside_the_range_are_ignored()
    {
        var changes = new[]
        {
            Change("2026-02-28T09:59:59Z", ProgressStatus.NotStarted, ProgressStatus.Done), // 2026-02-28 23:59:59 there
            Change("2026-02-28T10:00:00Z", ProgressStatus.NotStarted, ProgressStatus.Done), // 2026-03-01 00:00 there
            Change("2026-03-31T10:00:00Z", ProgressStatus.NotStarted, ProgressStatus.Done), // 2026-04-01 00:00 there
        };

        ProgressActivity.ByLocalDay(changes, Kiritimati, From, To).Should().Equal(new DailyProgress(From, 1, 1));
    }

    [Fact]
    public void No_changes_make_no_days()
    {
        ProgressActivity.ByLocalDay([], Kiritimati, From, To).Should().BeEmpty();
    }
}
