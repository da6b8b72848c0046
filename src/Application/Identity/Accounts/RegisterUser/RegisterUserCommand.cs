using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.RegisterUser;

/// <summary>Opens a Learner account.</summary>
public sealed record RegisterUserCommand(string Email, string Password, string DisplayName, string? TimeZone) : ICommand<Result<UserProfileDto>>;
