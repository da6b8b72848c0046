using Roadmap.Application.Common.Ports;

namespace Roadmap.Api.Common;

/// <summary>
/// The caller of the current HTTP request, as its validated bearer token and the roles read for it say. Outside a
/// request (a background job, a command-line command) the caller is the system.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? Id => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : null;

    public bool IsSystem => accessor.HttpContext is null;

    public bool IsInRole(string role) => accessor.HttpContext?.User.IsInRole(role) ?? false;
}
