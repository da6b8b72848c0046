using System.Threading.RateLimiting;

namespace Roadmap.Api.Common;

/// <summary>
/// A fixed window counted by this node alone, whose refusals say how long the window still runs (.NET's own fixed
/// window says its whole length, so <c>Retry-After</c> told a client to wait up to a window longer than it had to).
/// A window starts at the first attempt after the last one ended; nothing waits in a queue.
/// </summary>
internal sealed class LocalFixedWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly long _windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
    private long _endsAt = time.GetTimestamp(); // when the window ends: none runs before the first attempt
    private int _used;

    /// <summary>How long since the window ended (nothing kept matters then); null while it runs.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetTimestamp();
                return _endsAt > now ? null : time.GetElapsedTime(_endsAt, now);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _endsAt > time.GetTimestamp() ? permitLimit - _used : permitLimit };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitLimit);
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_endsAt <= now)
            {
                _endsAt = now + _windowTicks;
                _used = 0;
            }

            // Asking for no permit asks whether any is left, taking none.
            if (_used + permitCount <= permitLimit && (permitCount > 0 || _used < permitLimit))
            {
                _used += permitCount;
                return FixedWindowLease.Granted;
            }

            return new FixedWindowLease(acquired: false, time.GetElapsedTime(now, _endsAt));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}

/// <summary>A fixed window's answer: granted, or refused with how long the window still runs when that is known.</summary>
internal sealed class FixedWindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly FixedWindowLease Granted = new(acquired: true, retryAfter: null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter;
        return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
