using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

/// <summary>
/// Sets a user's roles; every account stays a Learner. A change that lost a race to another change of the account (its
/// owner editing the profile) runs again: it reads all it decides on in its transaction, the last-Admin rule included.
/// </summary>
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : ICommand<Result<UserProfileDto>>, IRetryOnConflict;
