using FluentAssertions;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using static Roadmap.Domain.Tests.Catalog.TestContent;

namespace Roadmap.Domain.Tests.Catalog;

/// <summary>Content that breaks a rule spanning the roadmap is refused with the JSON path of the fault.</summary>
public class LearningRoadmapStructureTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    [Fact]
    public void A_duplicate_section_slug_is_reported_at_the_second_section()
    {
        var content = Small().WithSections(Small().Sections[0], Section("basics", Topic("c")));

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].slug");
        details["sections[1].slug"].Should().ContainSingle().Which.Should().Contain("'basics'");
    }

    [Fact]
    public void A_topic_slug_used_in_two_sections_is_reported_at_the_second_use()
    {
        var content = Small().WithSections(Small().Sections[0], Section("advanced", Topic("a")));

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].topics[0].slug");
        details["sections[1].topics[0].slug"].Single().Should().Contain("'a'");
    }

    [Fact]
    public void An_unknown_prerequisite_is_reported_at_its_position()
    {
        var content = Small().WithTopic("b", t => t with { Prerequisites = ["a", "ghost"] });

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[0].topics[1].prerequisites[1]");
        details["sections[0].topics[1].prerequisites[1]"].Single().Should().Contain("'ghost'");
    }

    [Fact]
    public void A_topic_that_is_its_own_prerequisite_is_reported()
    {
        var content = Small().WithTopic("c", t => t with { Prerequisites = ["c"] });

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].topics[0].prerequisites[0]");
        details["sections[1].topics[0].prerequisites[0]"].Single().Should().Contain("own prerequisite");
    }

    [Fact]
    public void A_prerequisite_listed_twice_is_reported_on_the_list()
    {
        var content = Small().WithTopic("c", t => t with { Prerequisites = ["b", "b"] });

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].topics[0].prerequisites");
    }

    [Fact]
    public void A_former_slug_that_is_another_topics_slug_is_reported()
    {
        var content = Small().WithTopic("c", t => t with { FormerSlugs = ["old-c", "a"] });

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].topics[0].formerSlugs[1]");
        details["sections[1].topics[0].formerSlugs[1]"].Single().Should().Contain("'a'");
    }

    [Fact]
    public void A_former_slug_claimed_by_two_topics_is_reported_at_the_second_claim()
    {
        var content = Small()
            .WithTopic("a", t => t with { FormerSlugs = ["old"] })
            .WithTopic("c", t => t with { FormerSlugs = ["old"] });

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[1].topics[0].formerSlugs[0]");
        details["sections[1].topics[0].formerSlugs[0]"].Single().Should().Contain("'a'");
    }

    [Fact]
    public void A_two_topic_cycle_is_named_at_its_first_topic()
    {
        var content = Small().WithSections(Section("basics", Topic("a", prerequisites: ["b"]), Topic("b", prerequisites: ["a"])));

        var details = RefusedDetails(content);

        details.Should().ContainSingle().Which.Key.Should().Be("sections[0].topics[0].prerequisites");
        details["sections[0].topics[0].prerequisites"].Should().Equal("Prerequisites form a cycle: a → b → a.");
    }

    [Fact]
    public void A_cycle_across_sections_is_named_in_full()
    {
        // a needs c, c needs b, b needs a.
        var content = Small().WithTopic("a", t => t with { Prerequisites = ["c"] });

        var error = Refused(content);

        error.Details.Should().ContainSingle().Which.Key.Should().Be("sections[0].topics[0].prerequisites");
        error.Details!["sections[0].topics[0].prerequisites"].Should().Equal("Prerequisites form a cycle: a → c → b → a.");
        error.Message.Should().Contain("a → c → b → a");
    }

    [Fact]
    public void Every_fault_of_a_document_is_reported_at_once()
    {
        var content = Small().WithSections(
            Section("basics", Topic("a"), Topic("b", prerequisites: ["ghost"])),
            Section("basics", Topic("c", formerSlugs: ["a"])));

        var error = Refused(content);

        error.Details!.Keys.Should().BeEquivalentTo(
            "sections[1].slug", "sections[0].topics[1].prerequisites[0]", "sections[1].topics[0].formerSlugs[0]");
        error.Message.Should().Contain("'basics'").And.Contain("'ghost'").And.Contain("Former slug 'a'");
    }

    [Fact]
    public void A_refused_apply_changes_nothing()
    {
        var roadmap = Published();
        roadmap.ClearDomainEvents();
        var before = roadmap.ToContent();
        var topicIds = roadmap.Topics.Select(t => t.Id).ToList();
        // A rename, a new section, a changed title... and a cycle: alpha → c → b → alpha.
        var content = Small().WithSections([.. Small().Sections, Section("extra", Topic("d"))])
            .WithTopic("b", t => t with { Prerequisites = ["alpha"], Title = "Changed" })
            .WithTopic("a", t => t with { Slug = "alpha", FormerSlugs = ["a"], Prerequisites = ["c"] }) with
        {
            Title = "Changed title",
        };

        var result = roadmap.Apply(content, Later);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        roadmap.Title.Should().Be("Test roadmap");
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(2);
        roadmap.UpdatedAt.Should().Be(Now);
        roadmap.Sections.Should().HaveCount(2);
        roadmap.Topics.Select(t => t.Id).Should().Equal(topicIds);
        roadmap.Topics.Should().OnlyContain(t => !t.IsRetired);
        roadmap.FindTopic("alpha").Should().BeNull();
        roadmap.ToContent().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        roadmap.DomainEvents.Should().BeEmpty();
    }

    private static Error Refused(RoadmapContent content)
    {
        var roadmap = Draft();
        var result = roadmap.Apply(content, Later);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        result.Error.Code.Should().Be("roadmap.invalid_structure");
        result.Error.Details.Should().NotBeNull();
        return result.Error;
    }

    private static IReadOnlyDictionary<string, string[]> RefusedDetails(RoadmapContent content) => Refused(content).Details!;
}
