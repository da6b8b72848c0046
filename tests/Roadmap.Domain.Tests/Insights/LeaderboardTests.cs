using System.Globalization;
using FluentAssertions;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Domain.Tests.Insights;

public class LeaderboardTests
{
    private static readonly DateTimeOffset Now = At("2026-11-22T10:00:00Z");

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static LeaderboardCandidate Candidate(double percent, int lastRun = 0, string? lastActive = null, string zone = "UTC") =>
        new(Guid.NewGuid(), percent, 1, lastRun, lastActive is null ? null : DateOnly.Parse(lastActive, CultureInfo.InvariantCulture), zone);

    [Fact]
    public void Places_take_ranks_in_the_order_offered_until_the_board_is_full_and_a_learner_is_listed_once()
    {
        var board = new Leaderboard(LeaderboardOrder.Completion, 3, Now);
        var ann = Candidate(90, 2, "2026-11-22");

        board.Offer(ann, "Ann").Should().BeTrue();
        board.Offer(ann, "Ann").Should().BeFalse("a row read again on the next page is not listed twice");
        board.Offer(Candidate(50, 4, "2026-11-19"), "Bob").Should().BeTrue();
        board.Offer(Candidate(50), "Cat").Should().BeTrue();
        board.IsFull.Should().BeTrue();
        board.Offer(Candidate(10), "Dan").Should().BeFalse();

        board.Places.Should().Equal(
            new LeaderboardPlace(1, "Ann", 90, 2),
            new LeaderboardPlace(2, "Bob", 50, 0),
            new LeaderboardPlace(3, "Cat", 50, 0));
    }

    [Fact]
    public void By_streak_a_learner_whose_streak_ended_in_their_own_zone_is_left_out()
    {
        var board = new Leaderboard(LeaderboardOrder.Streak, 10, Now);

        board.Offer(Candidate(10, 5, "2026-11-21"), "Yesterday in UTC").Should().BeTrue();

        // 10:00Z on the 22nd is already 00:00 on the 23rd in Kiritimati (UTC+14): the 21st is two days ago there.
        board.Offer(Candidate(10, 5, "2026-11-21", "Pacific/Kiritimati"), "Two days ago in Kiritimati").Should().BeFalse();
        board.Offer(Candidate(10, 2, "2026-11-20", "Pacific/Kiritimati"), "Older still").Should().BeFalse();

        // 10:00Z on the 22nd is still 23:00 on the 21st in Pago Pago (UTC−11): the 20th is yesterday there.
        board.Offer(Candidate(10, 3, "2026-11-20", "Pacific/Pago_Pago"), "Yesterday in Pago Pago").Should().BeTrue();

        board.Places.Select(p => (p.Rank, p.DisplayName, p.CurrentStreak)).Should().Equal((1, "Yesterday in UTC", 5), (2, "Yesterday in Pago Pago", 3));
    }

    [Fact]
    public void No_zones_current_streak_starts_before_the_date_the_database_keeps_rows_from()
    {
        var instants = Enumerable.Range(0, 48).Select(h => Now.AddMinutes(h * 30 + 7));

        foreach (var now in instants)
        {
            var since = Leaderboard.StreaksSince(now);
            foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
            {
                // The oldest last active date still current there is that zone's yesterday.
                LocalCalendar.DateOf(now, zone).AddDays(-1).Should().BeOnOrAfter(since, $"{zone.Id} at {now:O}");
            }
        }
    }
}
