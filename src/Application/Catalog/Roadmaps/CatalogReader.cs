using System.Collections.Concurrent;
using Ardalis.Specification;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Roadmaps;

/// <summary>
/// The Catalog's side of <see cref="ICatalogReader"/>: reads the aggregate and hands out values. Outlines are kept
/// per node with the revision they were built from; each read asks the database for the current revision (one small
/// query) and rebuilds only when it moved, so no node ever answers with an outdated outline.
/// </summary>
internal sealed class CatalogReader(IReadRepository<LearningRoadmap> roadmaps, IRoadmapRevisionReader revisions, CatalogReader.Outlines outlines)
    : ICatalogReader
{
    public async Task<RoadmapOutline?> GetRoadmapOutlineAsync(string slug, CancellationToken cancellationToken)
    {
        var revision = await revisions.FindRevisionAsync(slug, cancellationToken);
        if (revision is null)
        {
            return null;
        }

        if (outlines.Find(slug, revision.Value) is { } known)
        {
            return known;
        }

        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(slug), cancellationToken);
        if (roadmap is null)
        {
            return null;
        }

        var outline = Outline(roadmap);
        outlines.Keep(slug, roadmap.Revision, outline);
        return outline;
    }

    public async Task<RoadmapOutline?> GetRoadmapOutlineAsync(Guid roadmapId, CancellationToken cancellationToken) =>
        (await GetRoadmapNamesAsync(new[] { roadmapId }, cancellationToken)).TryGetValue(roadmapId, out var name)
            ? await GetRoadmapOutlineAsync(name.Slug, cancellationToken)
            : null;

    private static RoadmapOutline Outline(LearningRoadmap roadmap)
    {
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
        var sectionOutlines = sections.Values.OrderBy(s => s.Order).Select(s => new SectionOutline(s.Slug, s.Title)).ToList();
        return new RoadmapOutline(roadmap.Id, roadmap.Slug, roadmap.Title, roadmap.Status, roadmap.Version, roadmap.Revision, sectionOutlines, topics);
    }

    /// <summary>This node's outlines by slug, each with its revision; an older one never replaces a newer one.</summary>
    internal sealed class Outlines
    {
        private readonly ConcurrentDictionary<string, (int Revision, RoadmapOutline Outline)> _bySlug = new(StringComparer.Ordinal);

        public RoadmapOutline? Find(string slug, int revision) =>
            _bySlug.TryGetValue(slug, out var kept) && kept.Revision == revision ? kept.Outline : null;

        public void Keep(string slug, int revision, RoadmapOutline outline) =>
            _bySlug.AddOrUpdate(slug, (revision, outline), (_, kept) => kept.Revision > revision ? kept : (revision, outline));
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
        services.AddSingleton<CatalogReader.Outlines>().AddScoped<ICatalogReader, CatalogReader>();
}
