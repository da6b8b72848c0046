using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;

internal sealed class PurgeRefreshTokensCommandHandler(IRefreshTokenPurge purge, IClock clock)
    : IRequestHandler<PurgeRefreshTokensCommand, Result<RefreshTokenPurgeOutcome>>
{
    public async Task<Result<RefreshTokenPurgeOutcome>> Handle(PurgeRefreshTokensCommand request, CancellationToken cancellationToken)
    {
        var cutoff = clock.UtcNow.AddDays(-PurgeRefreshTokensCommand.RetentionDays);
        var (tokens, families) = await purge.PurgeAsync(cutoff, cancellationToken);
        return new RefreshTokenPurgeOutcome(tokens, families, cutoff);
    }
}
