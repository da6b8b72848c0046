using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

/// <summary>
/// Changes the editable parts of a profile; a null field is left as it is. An edit that lost a race to another change
/// of the account runs again on what that change left, so racing edits of other fields are all kept.
/// </summary>
public sealed record UpdateMyProfileCommand(string? DisplayName, string? TimeZone, bool? ShowOnLeaderboard)
    : ICommand<Result<UserProfileDto>>, IRetryOnConflict;
