namespace Roadmap.Api.Tests.Jobs;

/// <summary>Polls for an asynchronous effect until it shows or a deadline passes (never a fixed sleep).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Probes until <paramref name="done"/> holds or the deadline passes, and returns the last value seen.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, CancellationToken cancellationToken, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow >= until)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> done, CancellationToken cancellationToken, TimeSpan? deadline = null) =>
        Until(() => Task.FromResult(probe()), done, cancellationToken, deadline);
}
