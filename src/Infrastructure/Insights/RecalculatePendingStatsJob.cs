using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Recalculates the stats marked out of date, oldest marks first, a round of up to 1,000 marks (coalesced per learner and roadmap; <see cref="JobsOptions.StatsMarksPerRound"/>) per transaction,
/// until no mark is left. Enqueued after progress changes (<see cref="StatsRecalculationTrigger"/>) and run every minute
/// as the safety net for a node that died between a commit and its enqueue. One drain at a time across all nodes (a
/// distributed lock); were two to run, recalculations are rebuilt from the source of truth and nothing is counted twice.
/// </summary>
internal sealed partial class RecalculatePendingStatsJob(
    IServiceScopeFactory scopes, JobStorage storage, StatsRecalculationTrigger trigger, IOptions<JobsOptions> options,
    ILogger<RecalculatePendingStatsJob> logger)
    : IRecurringJob
{
    public const string Id = "insights.recalculate-pending-stats";

    /// <summary>The drain's lock in the job storage, shared by every node.</summary>
    public const string Lock = "insights:recalculate-pending-stats";

    /// <summary>
    /// Returns at once when another drain runs, holding no worker: that one takes the marks written meanwhile
    /// (see <see cref="DrainAsync"/>). A burst of progress changes enqueues many of these.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    /// <summary>
    /// Runs until no mark written before it began is left, so that a job continuing this one (the author insights after
    /// a new version) sees them all recalculated, and no longer: under a steady stream of writes marks never run out.
    /// A round at a time whenever the lock is free; otherwise it waits while the running drain takes them (oldest
    /// first), which a steady stream of writes may keep doing for a minute at a time. Fails (Hangfire retries it, and
    /// what continues it waits) when those marks stop going for a minute. Rare: one per new version or Admin request.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunInTurnAsync(CancellationToken cancellationToken)
    {
        var left = await SpanAsync(cancellationToken);
        var upTo = left?.Newest;
        var waiting = Stopwatch.StartNew();
        DateTimeOffset? oldest = null;
        var recalculated = 0;
        while (left is not null && left.Oldest <= upTo)
        {
            if (left.Oldest != oldest)
            {
                // Marks are going (oldest first): the wait starts again.
                oldest = left.Oldest;
                waiting.Restart();
            }

            var ran = false;
            using (var held = StorageLock.TryAcquire(storage, Lock, TimeSpan.Zero))
            {
                if (held is not null)
                {
                    recalculated += (await RoundAsync(cancellationToken)).Count;
                    ran = true;
                }
            }

            if (!ran)
            {
                if (waiting.Elapsed > TimeSpan.FromMinutes(1))
                {
                    throw new DistributedLockTimeoutException(Lock);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }

            left = await SpanAsync(cancellationToken);
        }

        // Drains that found the lock taken while this one held it returned, counting on it for marks it left (written
        // after it began): a drain of the usual kind takes them.
        if (left is not null)
        {
            trigger.Request();
        }

        if (recalculated > 0)
        {
            LogRecalculated(recalculated);
        }
    }

    /// <summary>
    /// Drains under the lock, then, once it is released, looks for marks once more: a drain that found the lock taken
    /// returned at once, counting on this one for the marks it was enqueued for, and they may have been committed
    /// after this one's last read. If some are left, it drains again, unless someone took the lock meanwhile: that
    /// one reads marks only after taking it, so it sees them. No wake-up is lost that way.
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var recalculated = 0;
        do
        {
            using (var storageLock = StorageLock.TryAcquire(storage, Lock, TimeSpan.Zero))
            {
                if (storageLock is null)
                {
                    break;
                }

                recalculated += await DrainHeldAsync(cancellationToken);
            }
        }
        while (await PendingAsync(1, cancellationToken) is { Count: > 0 });

        if (recalculated > 0)
        {
            LogRecalculated(recalculated);
        }
    }

    private async Task<int> DrainHeldAsync(CancellationToken cancellationToken)
    {
        var recalculated = 0;
        var holding = Stopwatch.StartNew();

        // Locks are not renewed while held: let go well before the storage would take this one for a dead node's.
        while (!cancellationToken.IsCancellationRequested && holding.Elapsed < options.Value.LockHoldAtMost)
        {
            var round = Stopwatch.StartNew();
            var pending = await RoundAsync(cancellationToken);
            if (pending.Count == 0)
            {
                break;
            }

            recalculated += pending.Count;
            var pause = options.Value.RoundGap - round.Elapsed;
            if (pending.Sum(p => p.MarkIds.Count) < options.Value.StatsMarksPerRound && pause > TimeSpan.Zero)
            {
                // No backlog: let the changes written meanwhile gather, so each learner is rebuilt once for all of them.
                // Stopping meanwhile ends the drain (the loop's condition), its marks kept for the next one.
                await Task.Delay(pause, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return recalculated;
    }

    /// <summary>
    /// One round, the lock held: the oldest marks (a round's worth at most), their learners recalculated in one
    /// transaction of its own scope (a few queries per roadmap however many learners). What it took; none when no mark was left.
    /// </summary>
    private async Task<IReadOnlyList<PendingStats>> RoundAsync(CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(options.Value.StatsMarksPerRound, cancellationToken);
        if (pending.Count == 0)
        {
            return pending;
        }

        await SendAsync(new RecalculateStatsBatchCommand(pending), "Recalculating stats", cancellationToken);
        return pending;
    }

    private Task<StatsMarksSpan?> SpanAsync(CancellationToken cancellationToken) =>
        SendAsync(new GetStatsMarksSpanQuery(), "Reading the stats marks", cancellationToken);

    private Task<IReadOnlyList<PendingStats>> PendingAsync(int maxMarks, CancellationToken cancellationToken) =>
        SendAsync(new ListPendingStatsQuery(maxMarks), "Listing stats marks", cancellationToken);

    /// <summary>A request in a scope of its own; a failure is an exception (Hangfire retries the job).</summary>
    private async Task<T> SendAsync<T>(IRequest<Result<T>> request, string what, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{what} failed: {result.Error.Code} {result.Error.Message}");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recalculated the stats of {Count} learners and roadmaps")]
    private partial void LogRecalculated(int count);
}
