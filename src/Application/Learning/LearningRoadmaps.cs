using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning;

internal static class LearningRoadmaps
{
    /// <summary>A roadmap a learner may follow or read progress of: published or archived. A draft is reported missing.</summary>
    private static async Task<Result<RoadmapOutline>> FindAsync(this ICatalogReader catalog, string slug, CancellationToken cancellationToken)
    {
        var outline = await catalog.GetRoadmapOutlineAsync(slug, cancellationToken);
        return outline is null || outline.Status == RoadmapStatus.Draft ? LearningErrors.RoadmapNotFound(slug) : outline;
    }

    /// <summary>The signed-in learner; progress has no meaning for anonymous callers or the system.</summary>
    public static Result<Guid> Learner(this ICurrentUser user) => user.Id is { } id ? id : LearningErrors.SignedInOnly;

    /// <summary>The signed-in learner and the roadmap they name: what every Learning use case on one roadmap starts from.</summary>
    public static async Task<Result<LearnerRoadmap>> FindForLearnerAsync(
        this ICatalogReader catalog, ICurrentUser user, string slug, CancellationToken cancellationToken)
    {
        var learner = user.Learner();
        if (!learner.IsSuccess)
        {
            return learner.Error;
        }

        var roadmap = await catalog.FindAsync(slug, cancellationToken);
        return roadmap.IsSuccess ? new LearnerRoadmap(learner.Value, roadmap.Value) : roadmap.Error;
    }
}

/// <summary>A signed-in learner and a roadmap they may follow or read progress of.</summary>
internal sealed record LearnerRoadmap(Guid LearnerId, RoadmapOutline Roadmap);
