using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps;

internal static class CatalogAccess
{
    /// <summary>Drafts are for their authors: Authors, Admins and the system see them; everyone else finds them missing.</summary>
    public static bool MaySeeDrafts(this ICurrentUser user) => user.IsSystem || Roles.DraftReaders.Any(user.IsInRole);
}
