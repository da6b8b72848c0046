using System.Threading.Channels;
using Hangfire;
using MediatR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Infrastructure.Insights;

/// <summary>
/// Once a progress change is committed (its stats mark with it), asks for a recalculation: the request only signals;
/// a loop of this node enqueues <see cref="RecalculatePendingStatsJob"/> on Hangfire, at most one enqueue per
/// <see cref="MinimumGap"/>, so a burst of writes becomes one job that drains every mark.
/// </summary>
internal sealed partial class StatsRecalculationTrigger(IBackgroundJobClient jobs, ILogger<StatsRecalculationTrigger> logger)
    : BackgroundService
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    jobs.Enqueue<RecalculatePendingStatsJob>(job => job.RunAsync(CancellationToken.None));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The marks are kept: the minute job recalculates them.
                    LogEnqueueFailed(ex);
                }

                await Task.Delay(MinimumGap, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, also when the host failed to start: nothing to report.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the stats recalculation; the minute job will run it")]
    private partial void LogEnqueueFailed(Exception exception);
}

/// <summary>Signals <see cref="StatsRecalculationTrigger"/> after each committed change that marked stats out of date.</summary>
internal sealed class RequestStatsRecalculation(StatsRecalculationTrigger trigger)
    : INotificationHandler<AfterCommit<TopicProgressChangedDomainEvent>>,
        INotificationHandler<AfterCommit<RoadmapFollowedDomainEvent>>,
        INotificationHandler<AfterCommit<LearnerTimeZoneChangedDomainEvent>>
{
    public Task Handle(AfterCommit<TopicProgressChangedDomainEvent> notification, CancellationToken cancellationToken) => Request();

    public Task Handle(AfterCommit<RoadmapFollowedDomainEvent> notification, CancellationToken cancellationToken) => Request();

    public Task Handle(AfterCommit<LearnerTimeZoneChangedDomainEvent> notification, CancellationToken cancellationToken) => Request();

    private Task Request()
    {
        trigger.Request();
        return Task.CompletedTask;
    }
}
