using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.CreateAdmin;

/// <summary>Creates an Admin (or promotes an existing account): the bootstrap configuration and the users command.</summary>
public sealed record CreateAdminCommand(string Email, string Password, string DisplayName = "Admin") : ICommand<Result<UserProfileDto>>;
