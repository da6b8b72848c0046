using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Specifications;
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

/// <summary>Roadmaps of one status, by title, as list items.</summary>
public sealed class RoadmapSummariesSpec : Specification<LearningRoadmap, RoadmapSummaryDto>
{
    public RoadmapSummariesSpec(RoadmapStatus status, int page, int pageSize)
    {
        Query.Where(r => r.Status == status)
            .OrderBy(r => r.Title)
            .OrderBy(r => r.Slug)
            .Page(page, pageSize)
            .AsNoTracking();
        Query.Select(r => new RoadmapSummaryDto(
            r.Id,
            r.Slug,
            r.Title,
            r.Description,
            r.Status,
            r.Version,
            r.Topics.Count(t => t.RetiredAt == null),
            r.Topics.Where(t => t.RetiredAt == null).Sum(t => t.EstimatedMinutes),
            r.PublishedAt,
            r.UpdatedAt));
    }
}

/// <summary>Whether any roadmap exists at all (the seed runs only on an empty catalog).</summary>
public sealed class AnyRoadmapSpec : Specification<LearningRoadmap>;
