using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.RefreshTokens;

/// <summary>Exchanges a refresh token for a new pair; the presented token stops working.</summary>
public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<Result<TokenPairDto>>;
