using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Roadmap.Domain.Common;

/// <summary>
/// Days as a person in a time zone lives them: the local date of an instant, and the instant a local date begins.
/// Learners' days (activity, streaks) are counted in the time zone of their profile, not in UTC.
/// </summary>
public static partial class LocalCalendar
{
    /// <summary>
    /// The zone of an IANA id, or UTC when this system does not know it: profiles hold only known ids, but a later
    /// time-zone database could drop one, and a learner's days are better counted in UTC than not at all.
    /// </summary>
    public static TimeZoneInfo Zone(string? ianaId) =>
        TryFindZone(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The zone of an IANA id: for the zones the system lists, in any case (<c>europe/berlin</c>); for the others
    /// (aliases such as <c>Asia/Calcutta</c>) only as the time-zone database writes it. On Linux a zone is otherwise
    /// found in another case only once some lookup has cached it, which would make the answer depend on what the
    /// process did before.
    /// </summary>
    public static bool TryFindZone(string? ianaId, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return false;
        }

        if (ListedZoneIds.Value.TryGetValue(ianaId, out var listed))
        {
            return TimeZoneInfo.TryFindSystemTimeZoneById(listed, out zone);
        }

        return IsZoneName(ianaId)
            && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out zone)
            && string.Equals(zone.Id, ianaId, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether an id not listed by the system reads as a zone name of the time-zone database (<c>Asia/Calcutta</c>,
    /// <c>Etc/GMT+5</c>): the runtime finds a zone by its file, so without this the files beside the zones would be
    /// taken too — <c>localtime</c> (the server's own zone), <c>posixrules</c>, <c>Factory</c>, the <c>posix/</c> and
    /// <c>right/</c> copies, and paths such as <c>Europe//Berlin</c>.
    /// </summary>
    private static bool IsZoneName(string id) =>
        ZoneName().IsMatch(id)
        && !id.StartsWith("posix/", StringComparison.OrdinalIgnoreCase)
        && !id.StartsWith("right/", StringComparison.OrdinalIgnoreCase)
        && id is not ("localtime" or "posixrules" or "Factory");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();

    /// <summary>The ids of the zones the system lists, found in any case.</summary>
    private static readonly Lazy<Dictionary<string, string>> ListedZoneIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append(TimeZoneInfo.Utc.Id).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The date a clock in <paramref name="zone"/> showed at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>
    /// The first instant of <paramref name="date"/> in <paramref name="zone"/>, in UTC: local midnight, with the
    /// offset of that date (not today's). Where a daylight-saving change skips midnight (00:00 → 01:00, as in Havana or
    /// Santiago) the day begins where the gap ends; where midnight happens twice, at the first.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Gaps are whole minutes (at most a couple of hours), so stepping by the minute finds their end at once.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // The larger offset of an ambiguous time is the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }
}
