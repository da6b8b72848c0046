using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

/// <summary>Sets a user's roles; every account stays a Learner.</summary>
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : ICommand<Result<UserProfileDto>>;
