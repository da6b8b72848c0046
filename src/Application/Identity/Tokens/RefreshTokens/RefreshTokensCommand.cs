using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.RefreshTokens;

/// <summary>
/// Exchanges a refresh token for a new pair; the presented token stops working. Of two exchanges of one token at once,
/// the one that loses the race runs again and finds the token used: a replay, as if it came after.
/// </summary>
public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<Result<TokenPairDto>>, IRetryOnConflict;
