using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Insights.AuthorInsights;
using Roadmap.Application.Insights.Marking;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Rebuilds author insights (<see cref="RecalculateRoadmapInsightsCommand"/>): every hour for every published or archived roadmap,
/// first starting again the recalculation of a roadmap whose stats a lost enqueue left on an older version
/// (<see cref="StatsBehindVersionQuery"/>; its insights follow that recalculation), and for one roadmap (or all) once its learners' stats were recalculated after a new version or an Admin's request
/// (a continuation of that drain, see <see cref="RecalculateEnrolledStatsJob"/>). Each roadmap in a transaction of its
/// own; a retry rebuilds again from the source of truth.
/// </summary>
internal sealed partial class RecalculateRoadmapInsightsJob(
    IServiceScopeFactory scopes, IStatsRecalculationJobs recalculations, ILogger<RecalculateRoadmapInsightsJob> logger) : IRecurringJob
{
    public const string Id = "insights.roadmap-insights";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> roadmaps;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var listed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListRoadmapsForInsightsQuery(), cancellationToken);
            roadmaps = listed.IsSuccess ? listed.Value : throw new InvalidOperationException($"Listing roadmaps failed: {listed.Error.Code}");
        }

        foreach (var roadmapId in roadmaps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await StatsBehindVersionAsync(roadmapId, cancellationToken))
            {
                // The recalculation a new version needs was lost: started again, the insights follow it.
                LogStatsBehindVersion(roadmapId);
                recalculations.EnqueueRecalculation(roadmapId, learnerId: null);
                continue;
            }

            await RecalculateAsync(roadmapId, cancellationToken);
        }

        LogRecalculated(roadmaps.Count);
    }

    private async Task<bool> StatsBehindVersionAsync(Guid roadmapId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var behind = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new StatsBehindVersionQuery(roadmapId), cancellationToken);
        return behind.IsSuccess ? behind.Value : throw new InvalidOperationException($"Checking the stats of roadmap {roadmapId} failed: {behind.Error.Code}");
    }

    [AutomaticRetry(Attempts = 3)]
    public Task RunForAsync(Guid roadmapId, CancellationToken cancellationToken) => RecalculateAsync(roadmapId, cancellationToken);

    private async Task RecalculateAsync(Guid roadmapId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecalculateRoadmapInsightsCommand(roadmapId), cancellationToken);
        if (!result.IsSuccess && result.Error.Type != Domain.Common.ErrorType.NotFound)
        {
            throw new InvalidOperationException($"Recalculating the insights of roadmap {roadmapId} failed: {result.Error.Code} {result.Error.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculated the insights of {Count} published or archived roadmaps")]
    private partial void LogRecalculated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stats of roadmap {RoadmapId} still count an older version with nothing pending: its learners are marked again")]
    private partial void LogStatsBehindVersion(Guid roadmapId);
}
