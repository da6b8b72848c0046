using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.GetMyProfile;

public sealed record GetMyProfileQuery(Guid UserId) : IQuery<Result<UserProfileDto>>;
