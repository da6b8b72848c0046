using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

/// <summary>Changes the editable parts of a profile; a null field is left as it is.</summary>
public sealed record UpdateMyProfileCommand(string? DisplayName, string? TimeZone, bool? ShowOnLeaderboard)
    : ICommand<Result<UserProfileDto>>;
