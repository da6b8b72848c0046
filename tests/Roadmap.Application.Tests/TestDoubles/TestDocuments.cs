using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>Small roadmap documents for tests.</summary>
internal static class TestDocuments
{
    public const string Slug = "test-roadmap";

    /// <summary>Two sections: basics (a, b → a) and advanced (c → b).</summary>
    public static RoadmapDocument Small(string slug = Slug) => new()
    {
        Slug = slug,
        Title = "Test roadmap",
        Description = "A roadmap for tests.",
        Sections =
        [
            new SectionDocument { Slug = "basics", Title = "Basics", Topics = [Topic("a"), Topic("b", prerequisites: ["a"])] },
            new SectionDocument { Slug = "advanced", Title = "Advanced", Description = "Harder.", Topics = [Topic("c", prerequisites: ["b"])] },
        ],
    };

    public static TopicDocument Topic(string slug, IReadOnlyList<string>? prerequisites = null, IReadOnlyList<string>? formerSlugs = null) => new()
    {
        Slug = slug,
        Title = $"Topic {slug}",
        Summary = $"All about {slug}.",
        Kind = TopicKind.Core,
        Difficulty = Difficulty.Beginner,
        EstimatedMinutes = 30,
        Prerequisites = prerequisites ?? [],
        FormerSlugs = formerSlugs ?? [],
        Resources = [new ResourceDocument { Title = $"{slug} docs", Url = $"https://example.org/{slug}", Type = ResourceType.Documentation }],
    };

    /// <summary>The document with section <paramref name="section"/>'s topic <paramref name="topic"/> changed.</summary>
    public static RoadmapDocument WithTopic(this RoadmapDocument document, int section, int topic, Func<TopicDocument, TopicDocument> change) =>
        document.WithSection(section, s => s with { Topics = s.Topics.Select((t, i) => i == topic ? change(t) : t).ToList() });

    public static RoadmapDocument WithSection(this RoadmapDocument document, int section, Func<SectionDocument, SectionDocument> change) =>
        document with { Sections = document.Sections.Select((s, i) => i == section ? change(s) : s).ToList() };
}
