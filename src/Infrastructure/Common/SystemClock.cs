using Roadmap.Application.Common.Ports;

namespace Roadmap.Infrastructure.Common;

/// <summary>
/// The current time, in whole milliseconds: every store keeps at least that (SQLite's binary times, PostgreSQL's
/// microseconds), so a time answered right after a write is the time a later read gives back.
/// </summary>
internal sealed class SystemClock(TimeProvider time) : IClock
{
    public DateTimeOffset UtcNow
    {
        get
        {
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }
}
