using Mapster;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Ports;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>Learners' profiles projected from the accounts table in SQL: the four columns, untracked, a chunk of ids a query.</summary>
internal sealed class EfLearnerProfiles(RoadmapDbContext db, TypeAdapterConfig mappings) : ILearnerProfiles
{
    /// <summary>Ids per query: far below every provider's limit on parameters (SQL Server's 2,100), however EF Core sends the list.</summary>
    internal const int ChunkSize = 500;

    public async Task<IReadOnlyDictionary<Guid, LearnerProfile>> FindAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        var profiles = new Dictionary<Guid, LearnerProfile>(learnerIds.Count);
        foreach (var chunk in learnerIds.Distinct().Chunk(ChunkSize))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .ProjectToType<LearnerProfile>(mappings)
                .ToListAsync(cancellationToken);
            foreach (var profile in found)
            {
                profiles[profile.Id] = profile;
            }
        }

        return profiles;
    }
}
