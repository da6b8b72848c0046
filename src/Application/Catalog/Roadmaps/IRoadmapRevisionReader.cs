namespace Roadmap.Application.Catalog.Roadmaps;

/// <summary>
/// A roadmap's current revision by slug (null: no such roadmap), which moves with every change of it. Every Learning
/// request asks it first (<see cref="CatalogReader"/>), so the Infrastructure answers it with one plain command
/// rather than through a specification and EF Core's query pipeline.
/// </summary>
public interface IRoadmapRevisionReader
{
    Task<int?> FindRevisionAsync(string slug, CancellationToken cancellationToken);
}
