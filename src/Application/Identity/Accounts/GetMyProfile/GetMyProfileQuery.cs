using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.GetMyProfile;

/// <summary>The caller's own profile.</summary>
public sealed record GetMyProfileQuery : IQuery<Result<UserProfileDto>>;
