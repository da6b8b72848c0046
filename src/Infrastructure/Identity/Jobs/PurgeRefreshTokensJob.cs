using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Identity.Jobs;

/// <summary>Daily: deletes refresh tokens dead for more than 30 days (see <see cref="PurgeRefreshTokensCommand"/>).</summary>
internal sealed partial class PurgeRefreshTokensJob(IServiceScopeFactory scopes, ILogger<PurgeRefreshTokensJob> logger) : IRecurringJob
{
    /// <summary>The job's identity in the job storage; changing it leaves the old one scheduled.</summary>
    public const string Id = "identity.purge-refresh-tokens";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeRefreshTokensCommand(), cancellationToken);
        if (!result.IsSuccess)
        {
            // Not expected: fail the job so Hangfire retries it and the dashboard shows it.
            throw new InvalidOperationException($"Purging refresh tokens failed: {result.Error.Code} {result.Error.Message}");
        }

        LogPurged(result.Value.Tokens, result.Value.Families, result.Value.Cutoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Tokens} refresh tokens and {Families} families dead since before {Cutoff}")]
    private partial void LogPurged(int tokens, int families, DateTimeOffset cutoff);
}
