namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// The name this node's job server registers under. Hangfire makes the server id <c>name:process:guid</c>; the name
/// carries a random part too, so two hosts in one process (tests) or two containers with one host name stay apart.
/// </summary>
public sealed class JobServerIdentity
{
    public string Name { get; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public bool Owns(string serverId) =>
        serverId is not null && serverId.StartsWith(Name + ":", StringComparison.OrdinalIgnoreCase);
}
