using Hangfire;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// A job Hangfire runs on a schedule. Like every job it is a thin adapter: it opens a scope and sends one MediatR
/// command, whose handler holds the logic and is safe to run twice (Hangfire runs jobs at least once).
/// </summary>
public interface IRecurringJob
{
    /// <param name="cancellationToken">Hangfire passes a token that is cancelled when the server stops.</param>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job to register (or update) in the job storage at start-up.</summary>
internal sealed record RecurringJobDefinition(string Id, string Cron, Action<IRecurringJobManager> Register);
