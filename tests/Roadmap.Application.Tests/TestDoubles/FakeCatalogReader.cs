using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>The catalog as Learning sees it, from outlines given by the test.</summary>
internal sealed class FakeCatalogReader(params RoadmapOutline[] outlines) : ICatalogReader
{
    public Task<RoadmapOutline?> GetRoadmapOutlineAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(outlines.FirstOrDefault(o => o.Slug == slug));

    public Task<RoadmapOutline?> GetRoadmapOutlineAsync(Guid roadmapId, CancellationToken cancellationToken) =>
        Task.FromResult(outlines.FirstOrDefault(o => o.Id == roadmapId));

    public Task<IReadOnlyDictionary<Guid, RoadmapName>> GetRoadmapNamesAsync(IReadOnlyCollection<Guid> roadmapIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, RoadmapName>>(
            outlines.Where(o => roadmapIds.Contains(o.Id)).ToDictionary(o => o.Id, o => new RoadmapName(o.Id, o.Slug, o.Title)));

    /// <summary>A published roadmap of live topics, each named <c>"slug"</c> or <c>"slug:former:…"</c> with its former slugs.</summary>
    public static RoadmapOutline Outline(string slug, params string[] topics) =>
        new(Guid.NewGuid(), slug, $"Roadmap {slug}", RoadmapStatus.Published, 1, 1, [new SectionOutline("basics", "Basics")], [.. topics.Select(Topic)]);

    private static TopicOutline Topic(string names, int order)
    {
        var slugs = names.Split(':');
        return new TopicOutline(
            Guid.NewGuid(), slugs[0], slugs[1..], "basics", 0, order, $"Topic {slugs[0]}", TopicKind.Core, Difficulty.Beginner, 30, []);
    }
}
