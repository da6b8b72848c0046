using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// Holds the start of the web server until this node's job server has announced itself in the job storage (it does
/// so from a background thread a moment after starting), so a node that serves is also ready. Registered after the
/// job server; hosted services start in order, and the web server after all of them. When the server does not appear
/// in time, it starts anyway and lets the readiness check report the problem.
/// </summary>
internal sealed partial class JobServerStartupGate(
    JobStorage storage,
    JobServerIdentity identity,
    ILogger<JobServerStartupGate> logger) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(50);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        try
        {
            while (!storage.GetMonitoringApi().Servers().Any(s => identity.Owns(s.Name)))
            {
                await Task.Delay(PollDelay, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotAnnounced(identity.Name, Patience);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job server {ServerName} did not announce itself within {Patience}; starting anyway")]
    private partial void LogNotAnnounced(string serverName, TimeSpan patience);
}
