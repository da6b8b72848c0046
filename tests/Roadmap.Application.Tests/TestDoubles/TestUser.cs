using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>A caller for handlers under test.</summary>
internal sealed record TestUser(Guid? Id, bool IsSystem, params string[] Roles) : ICurrentUser
{
    public static TestUser Anonymous { get; } = new(null, false);

    public static TestUser Learner { get; } = new(Guid.NewGuid(), false, Domain.Common.Roles.Learner);

    public static TestUser Author { get; } = new(Guid.NewGuid(), false, Domain.Common.Roles.Learner, Domain.Common.Roles.Author);

    public static TestUser System { get; } = new(null, true);

    public bool IsInRole(string role) => Roles.Contains(role);
}
