using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Contracts;

/// <summary>
/// What other modules (Learning) may know of the catalog, as values: they never read its entities or tables.
/// Visibility is the caller's to decide (a draft is returned with its status).
/// </summary>
public interface ICatalogReader
{
    /// <summary>A roadmap's outline: its live topics in roadmap order, or null when there is no such roadmap.</summary>
    Task<RoadmapOutline?> GetRoadmapOutlineAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The outline of the roadmap with this id, or null when there is none.</summary>
    Task<RoadmapOutline?> GetRoadmapOutlineAsync(Guid roadmapId, CancellationToken cancellationToken);

    /// <summary>The slug and title of each of these roadmaps that exists, by id.</summary>
    Task<IReadOnlyDictionary<Guid, RoadmapName>> GetRoadmapNamesAsync(IReadOnlyCollection<Guid> roadmapIds, CancellationToken cancellationToken);
}

/// <summary>
/// A roadmap as another module sees it: its state, its live sections and its live topics, in roadmap order (section,
/// then topic). <see cref="Revision"/> grows with every change of the roadmap, so what is built from an outline may be
/// kept while it stays the same.
/// </summary>
public sealed record RoadmapOutline(
    Guid Id,
    string Slug,
    string Title,
    RoadmapStatus Status,
    int Version,
    int Revision,
    IReadOnlyList<SectionOutline> Sections,
    IReadOnlyList<TopicOutline> Topics)
{
    /// <summary>
    /// The live topic named by <paramref name="key"/>: its id, its slug, or one of its former slugs (a slug may be
    /// written as an id is, such as 32 hex digits: a key that is no topic's id is looked up as a slug too).
    /// </summary>
    public TopicOutline? FindTopic(string key) =>
        (Guid.TryParse(key, out var id) ? Topics.FirstOrDefault(t => t.Id == id) : null)
        ?? Topics.FirstOrDefault(t => t.Slug == key) ?? Topics.FirstOrDefault(t => t.FormerSlugs.Contains(key));
}

/// <summary>A live section, in roadmap order.</summary>
public sealed record SectionOutline(string Slug, string Title);

/// <summary>A live topic: its stable id, its slugs, its place and what it needs first (topic ids).</summary>
public sealed record TopicOutline(
    Guid Id,
    string Slug,
    IReadOnlyList<string> FormerSlugs,
    string Section,
    int SectionOrder,
    int Order,
    string Title,
    TopicKind Kind,
    Difficulty Difficulty,
    int EstimatedMinutes,
    IReadOnlyList<Guid> Prerequisites);

public sealed record RoadmapName(Guid Id, string Slug, string Title);
