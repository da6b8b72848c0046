using FluentAssertions;
using Roadmap.Domain.Common;

namespace Roadmap.Domain.Tests.Common;

public class LocalCalendarTests
{
    private static readonly TimeZoneInfo LosAngeles = LocalCalendar.Zone("America/Los_Angeles");
    private static readonly TimeZoneInfo Havana = LocalCalendar.Zone("America/Havana");
    private static readonly TimeZoneInfo Kiritimati = LocalCalendar.Zone("Pacific/Kiritimati");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("utc", "UTC")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")] // an alias the system does not list: found as written
    [InlineData("asia/calcutta", null)] // ...and only so, however the process looked it up before
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    [InlineData("Mars/Olympus", null)]
    [InlineData("localtime", null)] // files beside the zones, which the runtime would find by name
    [InlineData("posixrules", null)]
    [InlineData("Factory", null)]
    [InlineData("posix/Europe/Berlin", null)]
    [InlineData("right/UTC", null)]
    [InlineData("Europe//Berlin", null)]
    [InlineData("Europe/../Europe/Berlin", null)]
    [InlineData(" ", null)]
    public void A_zone_is_found_by_its_id_in_any_case_when_listed_and_as_written_otherwise(string id, string? found)
    {
        LocalCalendar.TryFindZone("Asia/Calcutta", out _).Should().BeTrue("looked up first, so it is in the runtime's cache");

        LocalCalendar.TryFindZone(id, out var zone).Should().Be(found is not null);
        if (found is not null)
        {
            zone!.Id.Should().Be(found);
        }
    }

    [Theory]
    [InlineData("2026-03-01T09:59:59Z", "2026-03-01")]
    [InlineData("2026-03-01T10:00:00Z", "2026-03-02")]
    [InlineData("2026-03-01T11:00:00Z", "2026-03-02")]
    public void An_instant_falls_on_the_date_its_zones_clock_showed(string instant, string date)
    {
        LocalCalendar.DateOf(Utc(instant), Kiritimati).Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-03-08", "2026-03-08T08:00:00Z")] // midnight still in winter time (UTC-8)
    [InlineData("2026-03-09", "2026-03-09T07:00:00Z")] // first midnight in summer time (UTC-7)
    [InlineData("2026-11-01", "2026-11-01T07:00:00Z")] // a 25-hour day begins in summer time
    [InlineData("2026-11-02", "2026-11-02T08:00:00Z")]
    public void A_day_begins_at_local_midnight_with_that_dates_offset(string date, string start)
    {
        LocalCalendar.StartOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), LosAngeles).Should().Be(Utc(start));
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_begins_when_the_gap_ends()
    {
        // Havana springs forward at midnight: 2026-03-08 00:00 CST is 01:00 CDT (05:00Z), and 00:00-00:59 never happen.
        var start = LocalCalendar.StartOf(new DateOnly(2026, 3, 8), Havana);

        start.Should().Be(Utc("2026-03-08T05:00:00Z"));
        LocalCalendar.DateOf(start, Havana).Should().Be(new DateOnly(2026, 3, 8));
        LocalCalendar.DateOf(start.AddTicks(-1), Havana).Should().Be(new DateOnly(2026, 3, 7));
    }

    [Fact]
    public void A_day_whose_midnight_happens_twice_begins_at_the_first()
    {
        // Havana falls back at 01:00 CDT to 00:00 CST on 2026-11-01: midnight is at 04:00Z and again at 05:00Z.
        var start = LocalCalendar.StartOf(new DateOnly(2026, 11, 1), Havana);

        start.Should().Be(Utc("2026-11-01T04:00:00Z"));
        LocalCalendar.DateOf(start.AddTicks(-1), Havana).Should().Be(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public void The_start_is_in_UTC_whatever_the_zone()
    {
        LocalCalendar.StartOf(new DateOnly(2026, 3, 2), Kiritimati).Should().Be(Utc("2026-03-01T10:00:00Z"))
            .And.Subject!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void An_unknown_zone_is_UTC(string? id)
    {
        LocalCalendar.Zone(id).Should().Be(TimeZoneInfo.Utc);
    }
}
