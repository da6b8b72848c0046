using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.Logout;

/// <summary>Signs out: the refresh token (and every token of its family) stops working. Idempotent.</summary>
public sealed record LogoutCommand(string RefreshToken) : ICommand<Result>;
