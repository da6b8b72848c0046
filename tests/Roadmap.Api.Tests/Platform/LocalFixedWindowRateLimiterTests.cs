using System.Threading.RateLimiting;
using FluentAssertions;
using Roadmap.Api.Common;

namespace Roadmap.Api.Tests.Platform;

public sealed class LocalFixedWindowRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_refusal_says_how_long_the_window_still_runs_and_a_new_window_grants_again()
    {
        var time = new HandMovedTime();
        using var limiter = new LocalFixedWindowRateLimiter(permitLimit: 2, Window, time);

        limiter.AttemptAcquire().IsAcquired.Should().BeTrue("the window starts at the first attempt");
        limiter.IdleDuration.Should().BeNull("its window runs");
        time.Move(TimeSpan.FromSeconds(42));
        (await limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken)).IsAcquired.Should().BeTrue();
        using var refused = limiter.AttemptAcquire();
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(0);
        limiter.AttemptAcquire(0).IsAcquired.Should().BeFalse("no permit is left");

        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromSeconds(18), "what is left of the window, not its length");

        time.Move(TimeSpan.FromSeconds(18));
        limiter.IdleDuration.Should().Be(TimeSpan.Zero, "the window ran out");
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(2);
        limiter.AttemptAcquire().IsAcquired.Should().BeTrue("a new window starts");
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(1);
        limiter.Invoking(l => l.AttemptAcquire(3)).Should().Throw<ArgumentOutOfRangeException>("more than the limit can never be granted");
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class HandMovedTime : TimeProvider
    {
        private long _now = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now;

        public void Move(TimeSpan by) => _now += by.Ticks;
    }
}
