using System.Globalization;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetActivity;

/// <summary>
/// The signed-in learner's progress per local day, in their profile's time zone, across all their roadmaps, from
/// <paramref name="From"/> to <paramref name="To"/> (dates written <see cref="DateFormat"/>, inclusive). Without
/// <paramref name="To"/>: today there; without <paramref name="From"/>: the <see cref="DefaultDays"/> days ending at
/// <paramref name="To"/>. At most <see cref="MaxDays"/> days. Kept as text so a malformed date is a validation error
/// keyed by its parameter, not a binding failure.
/// </summary>
public sealed record GetActivityQuery(string? From = null, string? To = null) : IQuery<Result<ActivityDto>>
{
    public const string DateFormat = "yyyy-MM-dd";

    public const int DefaultDays = 365;

    /// <summary>A leap year and no more.</summary>
    public const int MaxDays = 366;

    /// <summary>Dates outside are refused: far from any event, and a day's bounds in UTC must stay representable.</summary>
    public static DateOnly EarliestDate { get; } = new(1900, 1, 1);

    /// <inheritdoc cref="EarliestDate"/>
    public static DateOnly LatestDate { get; } = new(9998, 12, 31);

    /// <summary>The date <paramref name="text"/> names, when written <see cref="DateFormat"/> within the dates accepted.</summary>
    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= EarliestDate && date <= LatestDate
            ? date
            : null;

    /// <summary>Where a range ending at <paramref name="to"/> starts when no start is sent: <see cref="DefaultDays"/> days long, not before <see cref="EarliestDate"/>.</summary>
    internal static DateOnly DefaultFrom(DateOnly to) =>
        to.DayNumber - EarliestDate.DayNumber < DefaultDays ? EarliestDate : to.AddDays(-(DefaultDays - 1));

    /// <summary>Why <paramref name="from"/>..<paramref name="to"/> is no range to read, or null when it is one.</summary>
    internal static string? RangeProblem(DateOnly from, DateOnly to) =>
        from > to ? "'from' must be on or before 'to'."
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? $"'from' to 'to' must span at most {MaxDays} days."
        : null;
}
