using Roadmap.Application.Common.Ports;

namespace Roadmap.Application.Tests.TestDoubles;

internal sealed class FixedClock(DateTimeOffset now) : IClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public FixedClock()
        : this(Start)
    {
    }

    public DateTimeOffset UtcNow { get; set; } = now;
}
