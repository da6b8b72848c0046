using Ardalis.Specification;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Roadmaps;

/// <summary>One roadmap by slug with all its content, tracked for a change or untracked for a read.</summary>
public sealed class RoadmapWithContentBySlugSpec : Specification<LearningRoadmap>
{
    public RoadmapWithContentBySlugSpec(string slug, bool forUpdate = false)
    {
        Query.Where(r => r.Slug == slug).Include(r => r.Sections).Include(r => r.Topics).AsSplitQuery();
        if (!forUpdate)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class RoadmapBySlugSpec : Specification<LearningRoadmap>
{
    public RoadmapBySlugSpec(string slug) => Query.Where(r => r.Slug == slug);
}

/// <summary>Roadmaps of one status, by title, a page at a time (projected to list items by the caller).</summary>
public sealed class RoadmapsByStatusSpec : Specification<LearningRoadmap>
{
    public RoadmapsByStatusSpec(RoadmapStatus status, int page, int pageSize) =>
        Query.Where(r => r.Status == status)
            .OrderBy(r => r.Title)
            .ThenBy(r => r.Slug)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking();
}
