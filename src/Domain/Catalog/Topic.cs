using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>
/// One thing to learn. Its <see cref="Entity.Id"/> is its identity across versions: a rename keeps it
/// (through former slugs), and a topic left out of a new version is retired, never deleted.
/// </summary>
public sealed class Topic : Entity
{
    private readonly List<Resource> _resources = [];
    private readonly List<TopicPrerequisite> _prerequisites = [];

    private Topic()
    {
        Slug = Title = Summary = string.Empty;
        FormerSlugs = [];
    }

    internal Topic(Guid roadmapId, string slug)
        : this()
    {
        Id = Guid.CreateVersion7();
        RoadmapId = roadmapId;
        Slug = slug;
    }

    public Guid RoadmapId { get; private set; }

    public Guid SectionId { get; private set; }

    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string Summary { get; private set; }

    public TopicKind Kind { get; private set; }

    public Difficulty Difficulty { get; private set; }

    public int EstimatedMinutes { get; private set; }

    public int Order { get; private set; }

    /// <summary>Slugs this topic had before, so old links and progress keep resolving.</summary>
    public IReadOnlyList<string> FormerSlugs { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public IReadOnlyList<Resource> Resources => _resources;

    public IReadOnlyList<TopicPrerequisite> Prerequisites => _prerequisites;

    /// <summary>True when <paramref name="slug"/> is this topic's slug now or was one before.</summary>
    public bool Answers(string slug) => Slug == slug || FormerSlugs.Contains(slug);

    /// <summary>Applies the author's content; true when anything changed.</summary>
    /// <param name="claimedSlugs">
    /// The slugs of every topic in the content and the former slugs it gives each topic, with the topic's slug: a slug
    /// another topic now uses, or now lists as its former slug, is no longer a former slug of this one.
    /// </param>
    internal bool Update(TopicContent content, Guid sectionId, int order, IReadOnlyList<Guid> prerequisiteIds, IReadOnlyDictionary<string, string> claimedSlugs)
    {
        var formerSlugs = content.FormerSlugs.Union(FormerSlugs).Append(Slug)
            .Where(s => s != content.Slug && (!claimedSlugs.TryGetValue(s, out var owner) || owner == content.Slug))
            .Distinct(StringComparer.Ordinal).ToList();
        var resourcesChanged = !_resources.Select(r => r.ToContent()).SequenceEqual(content.Resources);
        var prerequisitesChanged = !_prerequisites.OrderBy(p => p.Position).Select(p => p.PrerequisiteId).SequenceEqual(prerequisiteIds);
        var formerSlugsChanged = !FormerSlugs.SequenceEqual(formerSlugs);

        var changed = Slug != content.Slug || Title != content.Title || Summary != content.Summary
            || Kind != content.Kind || Difficulty != content.Difficulty || EstimatedMinutes != content.EstimatedMinutes
            || SectionId != sectionId || Order != order || IsRetired
            || formerSlugsChanged || resourcesChanged || prerequisitesChanged;

        Slug = content.Slug;
        Title = content.Title;
        Summary = content.Summary;
        Kind = content.Kind;
        Difficulty = content.Difficulty;
        EstimatedMinutes = content.EstimatedMinutes;
        SectionId = sectionId;
        Order = order;
        RetiredAt = null;
        if (formerSlugsChanged)
        {
            FormerSlugs = formerSlugs;
        }

        // Owned collections are replaced only when they differ, so an unchanged import writes nothing.
        if (resourcesChanged)
        {
            _resources.Clear();
            _resources.AddRange(content.Resources.Select(r => new Resource(r)));
        }

        // Edges are edited in place, so unchanged ones keep their rows; each keeps where the author listed it.
        if (prerequisitesChanged)
        {
            _prerequisites.RemoveAll(p => !prerequisiteIds.Contains(p.PrerequisiteId));
            for (var position = 0; position < prerequisiteIds.Count; position++)
            {
                var id = prerequisiteIds[position];
                var edge = _prerequisites.Find(p => p.PrerequisiteId == id);
                if (edge is null)
                {
                    _prerequisites.Add(new TopicPrerequisite(id, position));
                }
                else
                {
                    edge.Position = position;
                }
            }
        }

        return changed;
    }

    /// <summary>Drops the former slugs that now belong to other topics.</summary>
    internal void Release(IReadOnlyCollection<string> claimedSlugs)
    {
        if (FormerSlugs.Any(claimedSlugs.Contains))
        {
            FormerSlugs = [.. FormerSlugs.Where(s => !claimedSlugs.Contains(s))];
        }
    }

    internal bool Retire(DateTimeOffset now)
    {
        if (IsRetired)
        {
            return false;
        }

        RetiredAt = now;
        _prerequisites.Clear();
        return true;
    }
}

/// <summary>A learning resource of a topic. A class, not a record: EF Core tracks owned instances by reference.</summary>
public sealed class Resource
{
    private Resource()
    {
        Title = Url = string.Empty;
    }

    internal Resource(ResourceContent content)
    {
        Title = content.Title;
        Url = content.Url;
        Type = content.Type;
        IsFree = content.IsFree;
    }

    public string Title { get; private set; }

    public string Url { get; private set; }

    public ResourceType Type { get; private set; }

    public bool IsFree { get; private set; }

    internal ResourceContent ToContent() => new(Title, Url, Type, IsFree);
}

/// <summary>An edge of the prerequisite graph: the owning topic needs <see cref="PrerequisiteId"/> first.</summary>
public sealed class TopicPrerequisite
{
    private TopicPrerequisite()
    {
    }

    internal TopicPrerequisite(Guid prerequisiteId, int position)
    {
        PrerequisiteId = prerequisiteId;
        Position = position;
    }

    public Guid PrerequisiteId { get; private set; }

    /// <summary>Where the author listed it among the topic's prerequisites (from 0), so an export gives the list back as written.</summary>
    public int Position { get; internal set; }
}
