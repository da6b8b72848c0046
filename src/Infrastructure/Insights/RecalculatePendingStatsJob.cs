using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Recalculates the stats marked out of date, oldest marks first, a round of up to 1,000 marks (coalesced per learner and roadmap) per transaction,
/// until no mark is left. Enqueued after progress changes (<see cref="StatsRecalculationTrigger"/>) and run every minute
/// as the safety net for a node that died between a commit and its enqueue. One run at a time across all nodes (a
/// distributed lock); were two to run, recalculations are rebuilt from the source of truth and nothing is counted twice.
/// </summary>
internal sealed partial class RecalculatePendingStatsJob(IServiceScopeFactory scopes, ILogger<RecalculatePendingStatsJob> logger) : IRecurringJob
{
    public const string Id = "insights.recalculate-pending-stats";

    /// <summary>Marks read at a time: a batch of learners and roadmaps, coalesced.</summary>
    private const int MarksPerRound = 1_000;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var recalculated = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var pending = await mediator.Send(new ListPendingStatsQuery(MarksPerRound), cancellationToken);
            if (!pending.IsSuccess || pending.Value.Count == 0)
            {
                break;
            }

            // The round in one transaction of its own scope: a few queries per roadmap however many learners.
            await using var own = scopes.CreateAsyncScope();
            var result = await own.ServiceProvider.GetRequiredService<IMediator>().Send(new RecalculateStatsBatchCommand(pending.Value), cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Recalculating stats failed: {result.Error.Code} {result.Error.Message}");
            }

            recalculated += pending.Value.Count;
        }

        if (recalculated > 0)
        {
            LogRecalculated(recalculated);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recalculated the stats of {Count} learners and roadmaps")]
    private partial void LogRecalculated(int count);
}
