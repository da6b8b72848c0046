using System.Threading.RateLimiting;
using FluentAssertions;
using Roadmap.Api.Common;

namespace Roadmap.Api.Tests.Platform;

public sealed class LocalFixedWindowRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_refusal_says_how_long_the_window_still_runs_and_a_new_window_grants_again()
    {
        using var limiter = new LocalFixedWindowRateLimiter(permitLimit: 2, Window);

        limiter.AttemptAcquire().IsAcquired.Should().BeTrue();
        limiter.IdleDuration.Should().BeNull("its window runs");
        (await limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken)).IsAcquired.Should().BeTrue();
        using var refused = limiter.AttemptAcquire();
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(0);

        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(Window);

        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        limiter.IdleDuration.Should().NotBeNull("the window ran out");
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(2);
        limiter.AttemptAcquire().IsAcquired.Should().BeTrue("a new window starts");
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(1);
    }
}
