namespace Roadmap.Domain.Insights;

/// <summary>
/// The streak rule, shared by a learner's stats on one roadmap and across all of them: a run is consecutive active
/// local days; the current streak is the run ending today or yesterday, otherwise 0.
/// </summary>
public static class Streaks
{
    /// <summary>The longest run of consecutive days, and the run that ends on the last day (days ascending, distinct).</summary>
    public static (int Longest, int Last) Runs(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        int longest = 0, run = 0;
        DateOnly? previous = null;
        foreach (var day in days)
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }

        return (longest, run);
    }

    /// <summary>
    /// The current streak on <paramref name="today"/>: the run ending on <paramref name="lastActiveDate"/> while that is
    /// today or yesterday, otherwise 0 (from the local midnight that ends it, with no recalculation).
    /// </summary>
    public static int Current(DateOnly? lastActiveDate, int lastRun, DateOnly today) =>
        lastActiveDate is { } last && last >= today.AddDays(-1) ? lastRun : 0;
}
