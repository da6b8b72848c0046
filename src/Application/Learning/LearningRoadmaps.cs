using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning;

internal static class LearningRoadmaps
{
    /// <summary>A roadmap a learner may follow or read progress of: published or archived. A draft is reported missing.</summary>
    public static async Task<Result<RoadmapOutline>> FindAsync(this ICatalogReader catalog, string slug, CancellationToken cancellationToken)
    {
        var outline = await catalog.GetRoadmapOutlineAsync(slug, cancellationToken);
        return outline is null || outline.Status == RoadmapStatus.Draft ? LearningErrors.RoadmapNotFound(slug) : outline;
    }

    /// <summary>The signed-in learner; progress has no meaning for anonymous callers or the system.</summary>
    public static Result<Guid> Learner(this ICurrentUser user) => user.Id is { } id ? id : LearningErrors.SignedInOnly;
}
