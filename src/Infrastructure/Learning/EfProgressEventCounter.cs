using System.Globalization;
using Roadmap.Application.Learning.Progress.GetProgressRevision;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IProgressEventCounter"/> as one plain command on the context's connection (see <see cref="PlainQuery"/>),
/// answered from the index on learner, roadmap and event id.
/// </summary>
internal sealed class EfProgressEventCounter(RoadmapDbContext db) : IProgressEventCounter
{
    private static readonly PlainQuery Count = new(
        typeof(ProgressEvent), _ => "COUNT(*)", nameof(ProgressEvent.LearnerId), nameof(ProgressEvent.RoadmapId));

    public async Task<int> CountAsync(Guid learnerId, Guid roadmapId, CancellationToken cancellationToken) =>
        Convert.ToInt32(await Count.ScalarAsync(db, cancellationToken, learnerId, roadmapId), CultureInfo.InvariantCulture);
}
