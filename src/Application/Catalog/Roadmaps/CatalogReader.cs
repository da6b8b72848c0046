using Ardalis.Specification;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Roadmaps;

/// <summary>The Catalog's side of <see cref="ICatalogReader"/>: reads the aggregate and hands out values.</summary>
internal sealed class CatalogReader(IReadRepository<LearningRoadmap> roadmaps) : ICatalogReader
{
    public async Task<RoadmapOutline?> GetRoadmapOutlineAsync(string slug, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(slug), cancellationToken);
        if (roadmap is null)
        {
            return null;
        }

        var sections = roadmap.Sections.Where(s => !s.IsRetired).ToDictionary(s => s.Id);
        var topics = roadmap.Topics
            .Where(t => !t.IsRetired && sections.ContainsKey(t.SectionId))
            .Select(t => new TopicOutline(
                t.Id,
                t.Slug,
                t.FormerSlugs,
                sections[t.SectionId].Slug,
                sections[t.SectionId].Order,
                t.Order,
                t.Title,
                t.Kind,
                t.Difficulty,
                t.EstimatedMinutes,
                [.. t.Prerequisites.Select(p => p.PrerequisiteId)]))
            .OrderBy(t => t.SectionOrder)
            .ThenBy(t => t.Order)
            .ToList();
        return new RoadmapOutline(roadmap.Id, roadmap.Slug, roadmap.Title, roadmap.Status, roadmap.Version, topics);
    }

    public async Task<IReadOnlyDictionary<Guid, RoadmapName>> GetRoadmapNamesAsync(
        IReadOnlyCollection<Guid> roadmapIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roadmapIds);
        if (roadmapIds.Count == 0)
        {
            return new Dictionary<Guid, RoadmapName>();
        }

        var names = await roadmaps.ProjectToListAsync<RoadmapName>(new RoadmapsByIdsSpec(roadmapIds), cancellationToken);
        return names.ToDictionary(n => n.Id);
    }
}

/// <summary>Roadmaps by id, untracked (projected by the caller).</summary>
public sealed class RoadmapsByIdsSpec : Specification<LearningRoadmap>
{
    public RoadmapsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(r => ids.Contains(r.Id)).AsNoTracking();
}

internal static class CatalogContractsRegistration
{
    /// <summary>What the Catalog offers other modules through its Contracts.</summary>
    public static IServiceCollection AddCatalogContracts(this IServiceCollection services) =>
        services.AddScoped<ICatalogReader, CatalogReader>();
}
