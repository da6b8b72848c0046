using System.Threading.RateLimiting;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Common;

/// <summary>
/// A fixed window counted by every node together (<see cref="ISharedCounters"/>, Redis), so a client spreading its
/// attempts over nodes gets no more than on one. When Redis cannot answer, this node's own fixed window counts, as
/// without Redis. The count is kept in Redis, so <see cref="AttemptAcquireCore"/> (synchronous) never grants: the
/// rate-limiting middleware then asks <see cref="AcquireAsyncCore"/>.
/// </summary>
internal sealed class SharedFixedWindowRateLimiter(
    ISharedCounters counters, string name, int permitLimit, TimeSpan window, LocalFixedWindowRateLimiter local) : RateLimiter
{
    private long _lastUsedTicks = Environment.TickCount64;

    public override TimeSpan? IdleDuration =>
        TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks)) is var idle && idle > window ? idle : null;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new FixedWindowLease(acquired: false, retryAfter: null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);
        var count = await counters.IncrementAsync(name, window, cancellationToken);
        if (count is not { } shared)
        {
            return await local.AcquireAsync(permitCount, cancellationToken);
        }

        return shared.Count <= permitLimit ? FixedWindowLease.Granted : new FixedWindowLease(acquired: false, shared.ResetsIn);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await local.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
