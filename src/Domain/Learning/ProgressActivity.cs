using Roadmap.Domain.Common;

namespace Roadmap.Domain.Learning;

/// <summary>One progress event as activity counts it: when it happened and what it changed.</summary>
public sealed record ProgressChange(DateTimeOffset OccurredAt, ProgressStatus From, ProgressStatus To)
{
    /// <summary>It moved a topic to Done (a note edited on a topic already Done is a change, not a finish).</summary>
    public bool Finishes => To == ProgressStatus.Done && From != ProgressStatus.Done;
}

/// <summary>A local day's progress: how many changes the learner made that day, and how many of them finished a topic.</summary>
public sealed record DailyProgress(DateOnly Date, int Changes, int Done);

/// <summary>A learner's progress events counted by the local day they happened on.</summary>
public static class ProgressActivity
{
    /// <summary>
    /// Counts each change on its local date in <paramref name="zone"/>, and gives the days from <paramref name="from"/>
    /// to <paramref name="to"/> (inclusive) that saw at least one, in date order. Changes dated outside are ignored, so
    /// the caller may read a little more than the range.
    /// </summary>
    public static IReadOnlyList<DailyProgress> ByLocalDay(IEnumerable<ProgressChange> changes, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(zone);
        return
        [
            .. changes
                .Select(change => (Date: LocalCalendar.DateOf(change.OccurredAt, zone), change.Finishes))
                .Where(change => change.Date >= from && change.Date <= to)
                .GroupBy(change => change.Date)
                .OrderBy(day => day.Key)
                .Select(day => new DailyProgress(day.Key, day.Count(), day.Count(change => change.Finishes))),
        ];
    }
}
