using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Insights.Marking;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Marks the stats of enrolled learners out of date (of a roadmap, of a learner, or all), a batch of enrollments per
/// transaction (<see cref="MarkEnrolledLearnersCommand"/>), then asks for the drain (<see cref="RecalculatePendingStatsJob"/>).
/// Enqueued after a roadmap's new version is committed and by an Admin. A retry marks again, which the drain coalesces.
/// For a whole roadmap (or every one), the roadmap's author insights are rebuilt once that drain has succeeded
/// (<see cref="RecalculateRoadmapInsightsJob"/>), from the recalculated stats.
/// </summary>
internal sealed partial class RecalculateEnrolledStatsJob(
    IServiceScopeFactory scopes, StatsRecalculationTrigger trigger, IBackgroundJobClient jobs, ILogger<RecalculateEnrolledStatsJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid? roadmapId, Guid? learnerId, CancellationToken cancellationToken)
    {
        var marked = 0;
        int? next = 0;
        while (next is { } skip)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Each batch in its own scope: one unit of work, one transaction.
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new MarkEnrolledLearnersCommand(roadmapId, learnerId, skip), cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Marking stats failed: {result.Error.Code} {result.Error.Message}");
            }

            marked += result.Value.Marked;
            next = result.Value.Next;
        }

        // Once, at the end: the drain reads marks until none is left, and one drain runs at a time.
        if (learnerId is null)
        {
            // A drain of its own, in turn after a running one, so the insights follow it: they average the stats it rebuilds.
            var drain = jobs.Enqueue<RecalculatePendingStatsJob>(job => job.RunInTurnAsync(CancellationToken.None));
            if (roadmapId is { } roadmap)
            {
                jobs.ContinueJobWith<RecalculateRoadmapInsightsJob>(drain, job => job.RunForAsync(roadmap, CancellationToken.None));
            }
            else
            {
                jobs.ContinueJobWith<RecalculateRoadmapInsightsJob>(drain, job => job.RunAsync(CancellationToken.None));
            }
        }
        else
        {
            trigger.Request();
        }

        LogMarked(marked, roadmapId, learnerId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked the stats of {Count} enrollments for recalculation (roadmap {RoadmapId}, learner {LearnerId})")]
    private partial void LogMarked(int count, Guid? roadmapId, Guid? learnerId);
}

/// <summary>Enqueues <see cref="RecalculateEnrolledStatsJob"/> on Hangfire.</summary>
internal sealed class HangfireStatsRecalculationJobs(IBackgroundJobClient jobs) : IStatsRecalculationJobs
{
    public string EnqueueRecalculation(Guid? roadmapId, Guid? learnerId) =>
        jobs.Enqueue<RecalculateEnrolledStatsJob>(job => job.RunAsync(roadmapId, learnerId, CancellationToken.None));
}
