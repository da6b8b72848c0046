using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>
/// A roadmap: sections of topics with prerequisites and resources. The aggregate root of the Catalog;
/// its content changes only through <see cref="Apply"/>, which keeps the prerequisite graph acyclic.
/// </summary>
public sealed class LearningRoadmap : AggregateRoot
{
    private readonly List<Section> _sections = [];
    private readonly List<Topic> _topics = [];

    private LearningRoadmap()
    {
        Slug = Title = string.Empty;
    }

    private LearningRoadmap(string slug, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7();
        Slug = slug;
        Status = RoadmapStatus.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public RoadmapStatus Status { get; private set; }

    /// <summary>0 while a draft; 1 when published; +1 for every later change of content (archived ones too).</summary>
    public int Version { get; private set; }

    /// <summary>Incremented by every change, published or not; the optimistic concurrency token and the ETag.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<Section> Sections => _sections;

    public IReadOnlyList<Topic> Topics => _topics;

    /// <summary>Creates a draft roadmap with the given content.</summary>
    public static Result<LearningRoadmap> Create(string slug, RoadmapContent content, DateTimeOffset now)
    {
        if (!CatalogLimits.IsValidSlug(slug))
        {
            return Error.Validation("slug", "A slug is lowercase kebab-case, at most 64 characters.");
        }

        var roadmap = new LearningRoadmap(slug, now);
        var applied = roadmap.Apply(content, now);
        return applied.IsSuccess ? roadmap : applied.Error;
    }

    /// <summary>
    /// Replaces the content with <paramref name="content"/>: sections and topics are matched by slug (a topic
    /// also by its former slugs), new ones are added, missing ones retired. A published roadmap gets a new
    /// version when anything changed. Nothing changes when the content breaks a rule.
    /// </summary>
    public Result<RoadmapChanges> Apply(RoadmapContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var faults = CheckStructure(content);
        if (faults.Count == 0)
        {
            faults = CheckRetiredSlugs(content);
        }

        if (faults.Count > 0)
        {
            return new Error(
                ErrorType.Unprocessable,
                "roadmap.invalid_structure",
                string.Join(" ", faults.SelectMany(f => f.Value)),
                faults);
        }

        var detailsChanged = Title != content.Title || Description != content.Description;
        Title = content.Title;
        Description = content.Description;

        var (sectionsAdded, sectionsUpdated, sectionsRetired) = ApplySections(content, now);
        var topics = ApplyTopics(content, now);

        var changes = new RoadmapChanges(
            detailsChanged, sectionsAdded, sectionsUpdated, sectionsRetired, topics.Created, topics.Updated, topics.Retired.Count);
        if (Revision == 0)
        {
            Touch(now, newVersion: false);
            Raise(new RoadmapCreatedDomainEvent(Id, Slug, Revision, now));
        }
        else if (changes.HasChanges && Status == RoadmapStatus.Draft)
        {
            Touch(now, newVersion: false);
            Raise(new RoadmapDraftChangedDomainEvent(Id, Slug, Revision, now));
        }
        else if (changes.HasChanges)
        {
            // Learners saw every version but a draft's: each change they can see is a new version.
            Touch(now, newVersion: true);
            Raise(new RoadmapVersionPublishedDomainEvent(Id, Slug, Version, Revision, topics.Added, topics.Renamed, topics.Retired, now));
        }

        return changes;
    }

    /// <summary>Makes a draft public as version 1.</summary>
    public Result Publish(DateTimeOffset now)
    {
        if (Status != RoadmapStatus.Draft)
        {
            return Error.Conflict("roadmap.not_draft", $"Only a draft can be published; '{Slug}' is {Status}.");
        }

        Status = RoadmapStatus.Published;
        PublishedAt = now;
        Version = 0;
        Touch(now, newVersion: true);
        Raise(new RoadmapPublishedDomainEvent(Id, Slug, Version, Revision, now));
        return Result.Success();
    }

    /// <summary>Takes a roadmap out of the public catalog; its learners keep their history.</summary>
    public Result Archive(DateTimeOffset now)
    {
        if (Status == RoadmapStatus.Archived)
        {
            return Error.Conflict("roadmap.archived", $"'{Slug}' is already archived.");
        }

        // Archived roadmaps stay readable by their learners; a draft never had any, and must not become public.
        if (Status == RoadmapStatus.Draft)
        {
            return Error.Conflict("roadmap.not_published", $"Only a published roadmap can be archived; '{Slug}' is a draft.");
        }

        Status = RoadmapStatus.Archived;
        Touch(now, newVersion: false);
        Raise(new RoadmapArchivedDomainEvent(Id, Slug, Version, Revision, now));
        return Result.Success();
    }

    /// <summary>Every topic's slug by its id, retired ones included (prerequisites are stored as ids).</summary>
    public IReadOnlyDictionary<Guid, string> TopicSlugsById() => _topics.ToDictionary(t => t.Id, t => t.Slug);

    /// <summary>Drafts are seen only by those who may see drafts (Authors and Admins); the rest of the catalog by anyone.</summary>
    public bool IsVisible(bool canSeeDrafts) => Status != RoadmapStatus.Draft || canSeeDrafts;

    /// <summary>The live topic answering to <paramref name="slug"/> (its slug or a former one).</summary>
    public Topic? FindTopic(string slug) =>
        _topics.FirstOrDefault(t => !t.IsRetired && t.Slug == slug)
        ?? _topics.FirstOrDefault(t => !t.IsRetired && t.Answers(slug));

    /// <summary>The current content, as <see cref="Apply"/> takes it: exporting then importing changes nothing.</summary>
    public RoadmapContent ToContent()
    {
        var slugs = TopicSlugsById();
        var sectionOrder = _sections.ToDictionary(s => s.Id, s => s.Order);
        var documentOrder = _topics.ToDictionary(t => t.Id, t => (sectionOrder[t.SectionId], t.Order));
        return new RoadmapContent(
            Title,
            Description,
            _sections.Where(s => !s.IsRetired).OrderBy(s => s.Order).Select(s => new SectionContent(
                s.Slug,
                s.Title,
                s.Description,
                _topics.Where(t => !t.IsRetired && t.SectionId == s.Id).OrderBy(t => t.Order).Select(t => new TopicContent(
                    t.Slug,
                    t.Title,
                    t.Summary,
                    t.Kind,
                    t.Difficulty,
                    t.EstimatedMinutes,
                    t.Prerequisites.OrderBy(p => p.Position).ThenBy(p => documentOrder[p.PrerequisiteId]).Select(p => slugs[p.PrerequisiteId]).ToList(),
                    t.FormerSlugs.ToList(),
                    t.Resources.Select(r => r.ToContent()).ToList())).ToList())).ToList());
    }

    private void Touch(DateTimeOffset now, bool newVersion)
    {
        Revision++;
        UpdatedAt = now;
        if (newVersion)
        {
            Version++;
        }
    }

    private (int Added, int Updated, int Retired) ApplySections(RoadmapContent content, DateTimeOffset now)
    {
        int added = 0, updated = 0, retired = 0;
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var sectionContent = content.Sections[i];
            var section = _sections.FirstOrDefault(s => s.Slug == sectionContent.Slug);
            if (section is null)
            {
                section = new Section(Id, sectionContent.Slug);
                _sections.Add(section);
                section.Update(sectionContent, i);
                added++;
            }
            else if (section.Update(sectionContent, i))
            {
                updated++;
            }
        }

        var kept = content.Sections.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        retired += _sections.Count(s => !kept.Contains(s.Slug) && s.Retire(now));
        return (added, updated, retired);
    }

    private TopicChanges ApplyTopics(RoadmapContent content, DateTimeOffset now)
    {
        // First match every stated topic to an existing one, so that prerequisites can be resolved to ids
        // before any topic is updated: by slug first, for all of them, and only then by former slugs, so a
        // topic keeping its slug is never claimed by another that lists that slug's history.
        var matched = new Dictionary<string, Topic>(StringComparer.Ordinal);
        var claimed = new HashSet<Topic>();
        var bySlug = _topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var stated = content.Sections.SelectMany(s => s.Topics).ToList();
        foreach (var topicContent in stated)
        {
            if (bySlug.TryGetValue(topicContent.Slug, out var topic))
            {
                matched[topicContent.Slug] = topic;
                claimed.Add(topic);
            }
        }

        // What an unclaimed topic answers to: its slug (a rename lists the slug it had) or an older one.
        var byFormerSlug = _topics.Where(t => !claimed.Contains(t))
            .SelectMany(t => t.FormerSlugs.Prepend(t.Slug).Select(former => (former, t)))
            .GroupBy(x => x.former, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.t.IsRetired).ThenBy(x => x.t.Slug != x.former).First().t, StringComparer.Ordinal);
        var created = new HashSet<Topic>();
        foreach (var topicContent in stated.Where(t => !matched.ContainsKey(t.Slug)))
        {
            var topic = topicContent.FormerSlugs
                .Select(former => byFormerSlug.GetValueOrDefault(former))
                .FirstOrDefault(t => t is not null && !claimed.Contains(t));
            if (topic is null)
            {
                topic = new Topic(Id, topicContent.Slug);
                _topics.Add(topic);
                created.Add(topic);
            }

            matched[topicContent.Slug] = topic;
            claimed.Add(topic);
        }

        // Each slug the content uses, live or former, with the topic it belongs to (the checks made each appear once).
        var claimedSlugs = stated
            .SelectMany(t => t.FormerSlugs.Prepend(t.Slug).Select(slug => (slug, owner: t.Slug)))
            .DistinctBy(x => x.slug, StringComparer.Ordinal)
            .ToDictionary(x => x.slug, x => x.owner, StringComparer.Ordinal);
        var updated = 0;
        var added = created.Select(t => t.Id).ToList();
        var renamed = new List<Guid>();
        foreach (var section in content.Sections)
        {
            var sectionId = _sections.First(s => s.Slug == section.Slug).Id;
            for (var i = 0; i < section.Topics.Count; i++)
            {
                var topicContent = section.Topics[i];
                var topic = matched[topicContent.Slug];
                var prerequisiteIds = topicContent.Prerequisites.Select(p => matched[p].Id).ToList();
                var (wasRetired, formerSlug) = (topic.IsRetired, topic.Slug);
                if (topic.Update(topicContent, sectionId, i, prerequisiteIds, claimedSlugs) && !created.Contains(topic))
                {
                    updated++;
                    if (wasRetired)
                    {
                        added.Add(topic.Id);
                    }
                    else if (formerSlug != topic.Slug)
                    {
                        renamed.Add(topic.Id);
                    }
                }
            }
        }

        var retired = new List<Guid>();
        foreach (var topic in _topics.Where(t => !claimed.Contains(t)))
        {
            // A topic out of the content keeps its history, but not a slug the content now gives another topic: it
            // would answer to that slug again if it came back.
            topic.Release(claimedSlugs.Keys);
            if (topic.Retire(now))
            {
                retired.Add(topic.Id);
            }
        }

        return new TopicChanges(added, renamed, retired, created.Count, updated);
    }

    /// <summary>
    /// What applying content did to the topics: the ids of those added (new, or back from retirement), renamed and
    /// retired, and how many were created and updated.
    /// </summary>
    private sealed record TopicChanges(List<Guid> Added, List<Guid> Renamed, List<Guid> Retired, int Created, int Updated);

    /// <summary>
    /// A rename cannot take the slug of a retired topic: a stated slug is matched first, so that topic would come back
    /// and the one the former slugs name (by its slug or one of its own former slugs) would be retired instead, taking
    /// its learners' progress out of sight.
    /// </summary>
    private Dictionary<string, string[]> CheckRetiredSlugs(RoadmapContent content)
    {
        var faults = new Dictionary<string, string[]>();
        var stated = content.Sections.SelectMany(s => s.Topics).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        // What a live topic answers to, as the matching of a rename reads it: its slug and its former slugs.
        var live = _topics.Where(t => !t.IsRetired)
            .SelectMany(t => t.FormerSlugs.Prepend(t.Slug).Select(name => (Name: name, t.Slug)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Slug, StringComparer.Ordinal);
        for (var s = 0; s < content.Sections.Count; s++)
        {
            for (var t = 0; t < content.Sections[s].Topics.Count; t++)
            {
                var topic = content.Sections[s].Topics[t];
                var renamed = topic.FormerSlugs.Select(former => live.GetValueOrDefault(former))
                    .FirstOrDefault(current => current is not null && !stated.Contains(current));
                if (renamed is not null && _topics.Any(existing => existing.IsRetired && existing.Slug == topic.Slug))
                {
                    faults[$"sections[{s}].topics[{t}].slug"] =
                    [
                        $"'{topic.Slug}' is the slug of a retired topic: listing it brings that topic back, so '{renamed}' cannot be " +
                        $"renamed to it. Rename '{renamed}' to another slug.",
                    ];
                }
            }
        }

        return faults;
    }

    /// <summary>The rules that span the whole content: unique slugs, known prerequisites, no cycle.</summary>
    private static Dictionary<string, string[]> CheckStructure(RoadmapContent content)
    {
        var faults = new Dictionary<string, List<string>>();
        void Fault(string path, string message)
        {
            if (!faults.TryGetValue(path, out var messages))
            {
                faults[path] = messages = [];
            }

            messages.Add(message);
        }

        var sectionSlugs = new HashSet<string>(StringComparer.Ordinal);
        var topicPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < content.Sections.Count; s++)
        {
            if (!sectionSlugs.Add(content.Sections[s].Slug))
            {
                Fault($"sections[{s}].slug", $"Section slug '{content.Sections[s].Slug}' is used more than once.");
            }

            for (var t = 0; t < content.Sections[s].Topics.Count; t++)
            {
                var slug = content.Sections[s].Topics[t].Slug;
                if (!topicPaths.TryAdd(slug, $"sections[{s}].topics[{t}]"))
                {
                    Fault($"sections[{s}].topics[{t}].slug", $"Topic slug '{slug}' is used more than once.");
                }
            }
        }

        var edges = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        var formerOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < content.Sections.Count; s++)
        {
            for (var t = 0; t < content.Sections[s].Topics.Count; t++)
            {
                var topic = content.Sections[s].Topics[t];
                var path = $"sections[{s}].topics[{t}]";
                for (var p = 0; p < topic.Prerequisites.Count; p++)
                {
                    var prerequisite = topic.Prerequisites[p];
                    if (prerequisite == topic.Slug)
                    {
                        Fault($"{path}.prerequisites[{p}]", $"Topic '{topic.Slug}' cannot be its own prerequisite.");
                    }
                    else if (!topicPaths.ContainsKey(prerequisite))
                    {
                        Fault($"{path}.prerequisites[{p}]", $"Prerequisite '{prerequisite}' of '{topic.Slug}' is not a topic of this roadmap.");
                    }
                }

                if (topic.Prerequisites.Distinct(StringComparer.Ordinal).Count() != topic.Prerequisites.Count)
                {
                    Fault($"{path}.prerequisites", $"Topic '{topic.Slug}' lists a prerequisite more than once.");
                }

                for (var f = 0; f < topic.FormerSlugs.Count; f++)
                {
                    var former = topic.FormerSlugs[f];
                    if (topicPaths.ContainsKey(former))
                    {
                        Fault($"{path}.formerSlugs[{f}]", $"Former slug '{former}' is the slug of a topic in this document.");
                    }
                    else if (!formerOwners.TryAdd(former, topic.Slug))
                    {
                        Fault($"{path}.formerSlugs[{f}]", formerOwners[former] == topic.Slug
                            ? $"Topic '{topic.Slug}' lists former slug '{former}' more than once."
                            : $"Former slug '{former}' is claimed by '{formerOwners[former]}' too.");
                    }
                }

                edges.TryAdd(topic.Slug, topic.Prerequisites);
            }
        }

        if (faults.Count == 0 && PrerequisiteGraph.FindCycle(edges) is { } cycle)
        {
            Fault($"{topicPaths[cycle[0]]}.prerequisites", $"Prerequisites form a cycle: {string.Join(" → ", cycle)}.");
        }

        return faults.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }
}
