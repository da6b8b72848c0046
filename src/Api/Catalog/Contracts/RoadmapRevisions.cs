using System.Collections.Concurrent;

namespace Roadmap.Api.Catalog.Contracts;

/// <summary>
/// The newest revision of each roadmap this node knows of: from the changes it committed and the reads it served.
/// Cached reads are keyed by it, so once a change is known no older answer is served or stored again: the Catalog's
/// roadmap reads, and the progress listings of the Learning module.
/// </summary>
internal sealed class RoadmapRevisions
{
    private readonly ConcurrentDictionary<string, int> _latest = new(StringComparer.Ordinal);

    public int Latest(string slug) => _latest.GetValueOrDefault(slug);

    public void Advance(string slug, int revision) => _latest.AddOrUpdate(slug, revision, (_, known) => Math.Max(known, revision));

    /// <summary>
    /// An answer was built from <paramref name="revision"/>: true when it may be stored, false when it is older than a
    /// change this node knows of (the read raced that change). A newer revision is learnt.
    /// </summary>
    public bool Learn(string slug, int revision)
    {
        var current = revision >= Latest(slug);
        Advance(slug, revision);
        return current;
    }

    /// <summary>The roadmaps this node knows a revision of.</summary>
    public IReadOnlyCollection<string> Known => [.. _latest.Keys];
}
