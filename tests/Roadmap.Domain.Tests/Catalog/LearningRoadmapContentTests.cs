using FluentAssertions;
using Roadmap.Domain.Catalog;
using static Roadmap.Domain.Tests.Catalog.TestContent;

namespace Roadmap.Domain.Tests.Catalog;

/// <summary><see cref="LearningRoadmap.ToContent"/>: exporting then importing changes nothing.</summary>
public class LearningRoadmapContentTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    [Fact]
    public void The_content_of_a_new_roadmap_is_what_it_was_created_from()
    {
        var content = Small().WithTopic("b", t => t with
        {
            Kind = TopicKind.Alternative,
            Difficulty = Difficulty.Intermediate,
            FormerSlugs = ["bee"],
            Resources =
            [
                new ResourceContent("Second", "https://example.org/2", ResourceType.Video, false),
                new ResourceContent("First", "https://example.org/1", ResourceType.Book, true),
            ],
        });

        var roadmap = Draft(content);

        roadmap.ToContent().Should().BeEquivalentTo(content, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Applying_the_exported_content_reports_no_changes()
    {
        var roadmap = Published(Small().WithTopic("c", t => t with { Prerequisites = ["b", "a"] }));

        var changes = roadmap.Apply(roadmap.ToContent(), Later).Value;

        changes.HasChanges.Should().BeFalse();
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(2);
    }

    [Fact]
    public void Exported_prerequisites_are_in_the_order_the_author_listed_them()
    {
        var roadmap = Draft(Small().WithTopic("c", t => t with { Prerequisites = ["b", "a"] }));

        roadmap.ToContent().Sections[1].Topics[0].Prerequisites.Should().Equal("b", "a");
    }

    [Fact]
    public void The_exported_content_leaves_out_retired_sections_and_topics()
    {
        var roadmap = Draft();
        roadmap.Apply(Small().WithSections(Section("basics", Topic("a"))), Later);

        var exported = roadmap.ToContent();

        exported.Sections.Should().ContainSingle().Which.Topics.Should().ContainSingle().Which.Slug.Should().Be("a");
        roadmap.Apply(exported, Later).Value.HasChanges.Should().BeFalse();
    }

    [Fact]
    public void The_exported_content_of_a_renamed_topic_keeps_its_former_slugs_and_round_trips()
    {
        var roadmap = Published();
        roadmap.Apply(Small().WithTopic("a", t => t with { Slug = "alpha", FormerSlugs = ["a"] }).WithTopic("b", t => t with { Prerequisites = ["alpha"] }), Later);

        var exported = roadmap.ToContent();

        exported.Sections[0].Topics[0].Should().BeEquivalentTo(new { Slug = "alpha", FormerSlugs = new[] { "a" } });
        exported.Sections[0].Topics[1].Prerequisites.Should().Equal("alpha");
        roadmap.Apply(exported, Later).Value.HasChanges.Should().BeFalse();
        roadmap.Version.Should().Be(2);
    }

    [Fact]
    public void A_new_topic_may_take_the_slug_a_renamed_topic_had_and_the_export_still_round_trips()
    {
        // "a" is renamed to "alpha"; later the author drops the former slug and adds a new topic "a".
        // The document rules allow that document, so its export must be importable too.
        var roadmap = Draft(Small().WithSections(Section("basics", Topic("a"))));
        roadmap.Apply(Small().WithSections(Section("basics", Topic("alpha", formerSlugs: ["a"]))), Later).IsSuccess.Should().BeTrue();
        var reused = roadmap.Apply(Small().WithSections(Section("basics", Topic("alpha"), Topic("a"))), Later);
        reused.IsSuccess.Should().BeTrue();

        var exported = roadmap.ToContent();
        var reimport = roadmap.Apply(exported, Later);

        reimport.IsSuccess.Should().BeTrue(
            "the export of a valid roadmap is a valid document, but got {0}",
            reimport.IsSuccess ? null : reimport.Error.Message);
        reimport.Value.HasChanges.Should().BeFalse();
    }

    [Fact]
    public void A_topic_listed_by_its_own_slug_keeps_its_id_when_another_topic_claims_its_former_slug()
    {
        // "x" was once "p". The author moves the old name "p" to a new topic "y", listed before "x".
        // Topics are matched "by slug and then by formerSlugs", so "x" must stay the same topic.
        var roadmap = Draft(Small().WithSections(Section("basics", Topic("p"))));
        var id = roadmap.FindTopic("p")!.Id;
        roadmap.Apply(Small().WithSections(Section("basics", Topic("x", formerSlugs: ["p"]))), Later);

        roadmap.Apply(Small().WithSections(Section("basics", Topic("y", formerSlugs: ["p"]), Topic("x"))), Later);

        roadmap.FindTopic("x")!.Id.Should().Be(id, "x kept its slug, so it is the same topic");
        roadmap.Topics.Single(t => t.Id == id).Slug.Should().Be("x");
    }
}
