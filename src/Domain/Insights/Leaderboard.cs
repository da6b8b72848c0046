using Roadmap.Domain.Common;

namespace Roadmap.Domain.Insights;

/// <summary>What a roadmap's leaderboard ranks by.</summary>
public enum LeaderboardOrder
{
    /// <summary>Percent complete, then topics done, then the learner id (descending): a fixed order for the last ties.</summary>
    Completion,

    /// <summary>
    /// Current streak, then percent complete, then topics done, then the learner id (descending); only learners on a
    /// streak today (in their own time zone) are listed.
    /// </summary>
    Streak,
}

/// <summary>A learner's stats row on a roadmap as a leaderboard reads it.</summary>
public sealed record LeaderboardCandidate(
    Guid LearnerId,
    double PercentComplete,
    int Done,
    int LastRun,
    DateOnly? LastActiveDate,
    string TimeZone)
{
    /// <summary>The current streak on the learner's own local date at <paramref name="now"/>.</summary>
    public int CurrentStreakOn(DateTimeOffset now) =>
        Streaks.Current(LastActiveDate, LastRun, LocalCalendar.DateOf(now, LocalCalendar.Zone(TimeZone)));
}

/// <summary>A place on a leaderboard: no id, no email, only what the learner agreed to show.</summary>
public sealed record LeaderboardPlace(int Rank, string DisplayName, double PercentComplete, int CurrentStreak);

/// <summary>
/// A leaderboard being filled: candidates are offered in the board's order (<see cref="LeaderboardOrder"/>, as the
/// database sorts them), already filtered to learners who opted in and still follow the roadmap; each listed one takes
/// the next rank, so ranks are 1, 2, 3… with ties broken by that order. A learner offered twice (a row that moved
/// between two pages read) is listed once.
/// </summary>
public sealed class Leaderboard(LeaderboardOrder order, int limit, DateTimeOffset now)
{
    private readonly List<LeaderboardPlace> _places = [];
    private readonly HashSet<Guid> _listed = [];

    public IReadOnlyList<LeaderboardPlace> Places => _places;

    public bool IsFull => _places.Count >= limit;

    /// <summary>
    /// The oldest last active date that can still be a current streak somewhere: no zone's yesterday is more than two days
    /// before today in UTC (zones run from UTC−12 to UTC+14). The database keeps only rows from it for a streak board,
    /// then each is checked in the learner's own zone (<see cref="LeaderboardCandidate.CurrentStreakOn"/>).
    /// </summary>
    public static DateOnly StreaksSince(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);

    /// <summary>Lists <paramref name="candidate"/> at the next rank unless the board is full, it is listed already, or (by streak) its streak ended.</summary>
    public bool Offer(LeaderboardCandidate candidate, string displayName)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (IsFull || _listed.Contains(candidate.LearnerId))
        {
            return false;
        }

        var streak = candidate.CurrentStreakOn(now);
        if (order == LeaderboardOrder.Streak && streak == 0)
        {
            return false;
        }

        _listed.Add(candidate.LearnerId);
        _places.Add(new LeaderboardPlace(_places.Count + 1, displayName, candidate.PercentComplete, streak));
        return true;
    }
}
