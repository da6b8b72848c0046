using FluentAssertions;
using Roadmap.Domain.Catalog;

namespace Roadmap.Domain.Tests.Catalog;

/// <summary>Small roadmap contents for tests and the roadmaps made from them.</summary>
internal static class TestContent
{
    public const string RoadmapSlug = "test-roadmap";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Two sections: basics (a, b → a) and advanced (c → b).</summary>
    public static RoadmapContent Small() => new(
        "Test roadmap",
        "A roadmap for tests.",
        [
            Section("basics", Topic("a"), Topic("b", prerequisites: ["a"])),
            Section("advanced", Topic("c", prerequisites: ["b"])),
        ]);

    public static SectionContent Section(string slug, params TopicContent[] topics) => new(slug, $"Section {slug}", null, topics);

    public static TopicContent Topic(string slug, IReadOnlyList<string>? prerequisites = null, IReadOnlyList<string>? formerSlugs = null) => new(
        slug,
        $"Topic {slug}",
        $"All about {slug}.",
        TopicKind.Core,
        Difficulty.Beginner,
        30,
        prerequisites ?? [],
        formerSlugs ?? [],
        [new ResourceContent($"{slug} docs", $"https://example.org/{slug}", ResourceType.Documentation, true)]);

    public static RoadmapContent WithSections(this RoadmapContent content, params SectionContent[] sections) =>
        content with { Sections = sections };

    /// <summary>The content with the topic <paramref name="slug"/> changed by <paramref name="change"/>.</summary>
    public static RoadmapContent WithTopic(this RoadmapContent content, string slug, Func<TopicContent, TopicContent> change) =>
        content with
        {
            Sections = content.Sections
                .Select(s => s with { Topics = s.Topics.Select(t => t.Slug == slug ? change(t) : t).ToList() })
                .ToList(),
        };

    public static LearningRoadmap Draft(RoadmapContent? content = null) =>
        LearningRoadmap.Create(RoadmapSlug, content ?? Small(), Now).Value;

    public static LearningRoadmap Published(RoadmapContent? content = null)
    {
        var roadmap = Draft(content);
        roadmap.Publish(Now).IsSuccess.Should().BeTrue();
        return roadmap;
    }
}
