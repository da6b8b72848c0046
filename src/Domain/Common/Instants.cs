namespace Roadmap.Domain.Common;

/// <summary>Instants as the service keeps them.</summary>
public static class Instants
{
    /// <summary>
    /// <paramref name="instant"/> in UTC and in whole milliseconds: every store keeps at least that (SQLite's binary
    /// times, PostgreSQL's microseconds), so a time answered right after a write is the time a later read gives back.
    /// </summary>
    public static DateTimeOffset ToStored(this DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
