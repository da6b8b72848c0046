using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Insights.AuthorInsights;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Rebuilds author insights (<see cref="RecalculateRoadmapInsightsCommand"/>): every hour for every published roadmap,
/// and for one roadmap (or all) once its learners' stats were recalculated after a new version or an Admin's request
/// (a continuation of that drain, see <see cref="RecalculateEnrolledStatsJob"/>). Each roadmap in a transaction of its
/// own; a retry rebuilds again from the source of truth.
/// </summary>
internal sealed partial class RecalculateRoadmapInsightsJob(IServiceScopeFactory scopes, ILogger<RecalculateRoadmapInsightsJob> logger) : IRecurringJob
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
            await RecalculateAsync(roadmapId, cancellationToken);
        }

        LogRecalculated(roadmaps.Count);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculated the insights of {Count} published roadmaps")]
    private partial void LogRecalculated(int count);
}
