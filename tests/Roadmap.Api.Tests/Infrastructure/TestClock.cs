using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>
/// The service's clock in tests: the real time (in whole milliseconds, as the service's own clock gives it) until a
/// test sets it, so events can be stamped at chosen instants. One per factory, so per test class; tests of a class
/// run one at a time. Sign in before setting it to the past: tokens are issued at the clock's time.
/// </summary>
public sealed class TestClock : IClock
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _now;
    private bool _ticking;

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_lock)
            {
                if (_now is { } now)
                {
                    if (_ticking)
                    {
                        _now = now.AddMilliseconds(1);
                    }

                    return now;
                }
            }

            return DateTimeOffset.UtcNow.ToStored();
        }
    }

    /// <summary>Stops the clock at <paramref name="instant"/> until it is set again or reset.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (_lock)
        {
            _now = instant.ToUniversalTime();
            _ticking = false;
        }
    }

    /// <summary>
    /// Runs the clock from <paramref name="instant"/> a millisecond further at every reading, so that requests racing
    /// each other all have times of their own, in the order they read the clock, until it is set again or reset.
    /// </summary>
    public void Tick(DateTimeOffset instant)
    {
        lock (_lock)
        {
            _now = instant.ToStored();
            _ticking = true;
        }
    }

    /// <summary>Back to the real time.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _now = null;
            _ticking = false;
        }
    }
}
