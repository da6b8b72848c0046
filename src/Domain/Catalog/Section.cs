using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>A group of topics in a roadmap. Removed sections are retired, not deleted, so retired topics keep their place.</summary>
public sealed class Section : Entity
{
    private Section()
    {
        Slug = Title = string.Empty;
    }

    internal Section(Guid roadmapId, string slug)
    {
        Id = Guid.CreateVersion7();
        RoadmapId = roadmapId;
        Slug = slug;
        Title = string.Empty;
    }

    public Guid RoadmapId { get; private set; }

    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int Order { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>Applies the author's content; true when anything changed.</summary>
    internal bool Update(SectionContent content, int order)
    {
        var changed = Title != content.Title || Description != content.Description || Order != order || IsRetired;
        Title = content.Title;
        Description = content.Description;
        Order = order;
        RetiredAt = null;
        return changed;
    }

    internal bool Retire(DateTimeOffset now)
    {
        if (IsRetired)
        {
            return false;
        }

        RetiredAt = now;
        return true;
    }
}
