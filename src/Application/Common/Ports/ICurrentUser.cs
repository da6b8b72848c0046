namespace Roadmap.Application.Common.Ports;

/// <summary>
/// Who sends the request: a signed-in account, an anonymous caller, or the system itself (a background job, a
/// command-line command). Handlers decide from it what the caller may see and do; requests carry no such flags.
/// </summary>
public interface ICurrentUser
{
    /// <summary>The signed-in account, or null for anonymous callers and the system.</summary>
    Guid? Id { get; }

    /// <summary>A job or a command-line command: trusted, and no account of its own.</summary>
    bool IsSystem { get; }

    bool IsInRole(string role);
}
