using System.Globalization;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Domain.Catalog;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Catalog;

/// <summary><see cref="IRoadmapRevisionReader"/> as one plain command on the context's connection (see <see cref="PlainQuery"/>).</summary>
internal sealed class EfRoadmapRevisionReader(RoadmapDbContext db) : IRoadmapRevisionReader
{
    private static readonly PlainQuery Revision = new(
        typeof(LearningRoadmap), column => column(nameof(LearningRoadmap.Revision)), nameof(LearningRoadmap.Slug));

    public async Task<int?> FindRevisionAsync(string slug, CancellationToken cancellationToken) =>
        await Revision.ScalarAsync(db, cancellationToken, slug) is { } revision ? Convert.ToInt32(revision, CultureInfo.InvariantCulture) : null;
}
