using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.Login;

/// <summary>Signs in with email and password: a new token family begins.</summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<Result<TokenPairDto>>;
