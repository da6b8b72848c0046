using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>Small roadmap documents for tests, each with its own slug so tests sharing a database stay apart.</summary>
public static class TestDocuments
{
    public static string NewSlug(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Two sections: basics (a, b → a) and advanced (c → b).</summary>
    public static RoadmapDocument Small(string slug) => new()
    {
        Slug = slug,
        Title = "Test roadmap",
        Description = "A roadmap for tests.",
        Sections =
        [
            new SectionDocument
            {
                Slug = "basics",
                Title = "Basics",
                Topics = [Topic("a"), Topic("b", prerequisites: ["a"])],
            },
            new SectionDocument
            {
                Slug = "advanced",
                Title = "Advanced",
                Topics = [Topic("c", prerequisites: ["b"])],
            },
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

    /// <summary>The document with one section's topics replaced.</summary>
    public static RoadmapDocument WithTopics(this RoadmapDocument document, int section, params TopicDocument[] topics) =>
        document with
        {
            Sections = document.Sections.Select((s, i) => i == section ? s with { Topics = topics } : s).ToList(),
        };
}
