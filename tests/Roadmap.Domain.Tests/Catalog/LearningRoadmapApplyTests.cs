using FluentAssertions;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using static Roadmap.Domain.Tests.Catalog.TestContent;

namespace Roadmap.Domain.Tests.Catalog;

public class LearningRoadmapApplyTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    private static readonly RoadmapChanges NoChanges = new(false, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Reapplying_identical_content_to_a_published_roadmap_changes_nothing()
    {
        var roadmap = Published();
        roadmap.ClearDomainEvents();

        var changes = roadmap.Apply(Small(), Later).Value;

        changes.Should().Be(NoChanges);
        changes.HasChanges.Should().BeFalse();
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(2);
        roadmap.UpdatedAt.Should().Be(Now);
        roadmap.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void Reapplying_identical_content_to_a_draft_changes_nothing()
    {
        var roadmap = Draft();
        roadmap.ClearDomainEvents();

        var changes = roadmap.Apply(Small(), Later).Value;

        changes.Should().Be(NoChanges);
        roadmap.Revision.Should().Be(1);
        roadmap.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void Changing_a_topic_of_a_published_roadmap_adds_exactly_one_version()
    {
        var roadmap = Published();

        var changes = roadmap.Apply(Small().WithTopic("b", t => t with { EstimatedMinutes = 90 }), Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 0, 1, 0));
        roadmap.Version.Should().Be(2);
        roadmap.Revision.Should().Be(3);
        roadmap.UpdatedAt.Should().Be(Later);
        roadmap.FindTopic("b")!.EstimatedMinutes.Should().Be(90);
    }

    [Fact]
    public void Many_changes_in_one_apply_still_add_one_version()
    {
        var roadmap = Published();
        var content = Small()
            .WithTopic("a", t => t with { Title = "A, retitled" })
            .WithTopic("b", t => t with { Difficulty = Difficulty.Advanced, Resources = [] })
            .WithTopic("c", t => t with { Kind = TopicKind.Optional, Summary = "New summary." }) with
        {
            Description = "New description.",
        };

        var changes = roadmap.Apply(content, Later).Value;

        changes.Should().Be(new RoadmapChanges(true, 0, 0, 0, 0, 3, 0));
        roadmap.Version.Should().Be(2);
        roadmap.Revision.Should().Be(3);
    }

    [Fact]
    public void Each_changing_apply_of_a_published_roadmap_adds_a_version()
    {
        var roadmap = Published();

        roadmap.Apply(Small() with { Title = "Second" }, Later);
        roadmap.Apply(Small() with { Title = "Second" }, Later);
        roadmap.Apply(Small() with { Title = "Third" }, Later);

        roadmap.Version.Should().Be(3);
        roadmap.Revision.Should().Be(4);
    }

    [Fact]
    public void Changes_to_a_draft_leave_it_at_version_0()
    {
        var roadmap = Draft();

        var changes = roadmap.Apply(Small().WithTopic("a", t => t with { Title = "Changed" }), Later).Value;

        changes.HasChanges.Should().BeTrue();
        roadmap.Version.Should().Be(0);
        roadmap.Revision.Should().Be(2);
        roadmap.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void A_change_to_a_public_roadmap_publishes_a_version_naming_the_topics_added_renamed_and_retired()
    {
        var roadmap = Published();
        var ids = roadmap.Topics.ToDictionary(t => t.Slug, t => t.Id);
        roadmap.ClearDomainEvents();

        roadmap.Apply(
            Small().WithSections(
                Section("basics", Topic("alpha", formerSlugs: ["a"]), Topic("b", prerequisites: ["alpha"]), Topic("d"))),
            Later);

        var published = roadmap.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<RoadmapVersionPublishedDomainEvent>().Subject;
        (published.RoadmapId, published.Slug, published.Version, published.Revision, published.OccurredAt)
            .Should().Be((roadmap.Id, RoadmapSlug, 2, roadmap.Revision, Later));
        published.TopicsAdded.Should().Equal(roadmap.Topics.Single(t => t.Slug == "d").Id);
        published.TopicsRenamed.Should().Equal(ids["a"]);
        published.TopicsRetired.Should().Equal(ids["c"]);
    }

    [Fact]
    public void A_retired_topic_brought_back_counts_as_added()
    {
        var roadmap = Published();
        var c = roadmap.Topics.Single(t => t.Slug == "c").Id;
        roadmap.Apply(Small().WithSections(Section("basics", Topic("a"), Topic("b", prerequisites: ["a"]))), Later);
        roadmap.ClearDomainEvents();

        roadmap.Apply(Small(), Later);

        roadmap.DomainEvents.OfType<RoadmapVersionPublishedDomainEvent>().Single().TopicsAdded.Should().Equal(c);
    }

    [Fact]
    public void A_change_to_a_draft_is_a_draft_change_without_a_version()
    {
        var roadmap = Draft();
        roadmap.ClearDomainEvents();

        roadmap.Apply(Small() with { Title = "Changed" }, Later);

        roadmap.DomainEvents.Should().ContainSingle().Which.Should().Be(new RoadmapDraftChangedDomainEvent(roadmap.Id, RoadmapSlug, roadmap.Revision, Later));
        roadmap.Version.Should().Be(0);
    }

    [Fact]
    public void Changing_the_title_is_reported_as_a_details_change()
    {
        var roadmap = Draft();

        var changes = roadmap.Apply(Small() with { Title = "New title", Description = null }, Later).Value;

        changes.Should().Be(new RoadmapChanges(true, 0, 0, 0, 0, 0, 0));
        roadmap.Title.Should().Be("New title");
        roadmap.Description.Should().BeNull();
    }

    [Fact]
    public void Changing_a_prerequisite_updates_the_edge()
    {
        var roadmap = Published();
        var a = roadmap.FindTopic("a")!;

        var changes = roadmap.Apply(Small().WithTopic("c", t => t with { Prerequisites = ["a"] }), Later).Value;

        changes.TopicsUpdated.Should().Be(1);
        roadmap.FindTopic("c")!.Prerequisites.Select(p => p.PrerequisiteId).Should().Equal(a.Id);
    }

    [Fact]
    public void Prerequisites_keep_the_order_they_were_listed_in_so_the_export_gives_the_document_back()
    {
        var content = Small().WithTopic("c", t => t with { Prerequisites = ["b", "a"] });
        var roadmap = Published(content);

        var same = roadmap.Apply(content, Later).Value;
        Prerequisites(roadmap).Should().Equal("b", "a");

        var reordered = roadmap.Apply(content.WithTopic("c", t => t with { Prerequisites = ["a", "b"] }), Later).Value;

        same.HasChanges.Should().BeFalse();
        reordered.TopicsUpdated.Should().Be(1, "the document changed");
        roadmap.Version.Should().Be(2);
        Prerequisites(roadmap).Should().Equal("a", "b");

        static IEnumerable<string> Prerequisites(LearningRoadmap roadmap) =>
            roadmap.ToContent().Sections.SelectMany(s => s.Topics).Single(t => t.Slug == "c").Prerequisites;
    }

    [Fact]
    public void A_new_topic_is_added_with_its_prerequisites()
    {
        var roadmap = Published();
        var content = Small().WithSections(
            Small().Sections[0],
            Section("advanced", Topic("c", prerequisites: ["b"]), Topic("d", prerequisites: ["c", "a"])));

        var changes = roadmap.Apply(content, Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 1, 0, 0));
        var d = roadmap.FindTopic("d")!;
        d.Order.Should().Be(1);
        d.Prerequisites.Select(p => p.PrerequisiteId)
            .Should().BeEquivalentTo([roadmap.FindTopic("c")!.Id, roadmap.FindTopic("a")!.Id]);
        roadmap.Version.Should().Be(2);
    }

    [Fact]
    public void A_new_section_is_added()
    {
        var roadmap = Draft();
        var content = Small().WithSections([.. Small().Sections, Section("expert", Topic("d", prerequisites: ["c"]))]);

        var changes = roadmap.Apply(content, Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 1, 0, 0, 1, 0, 0));
        roadmap.Sections.Single(s => s.Slug == "expert").Order.Should().Be(2);
    }

    [Fact]
    public void Renaming_a_topic_with_its_former_slug_keeps_its_id()
    {
        var roadmap = Published();
        var original = roadmap.FindTopic("a")!;
        var content = Small()
            .WithTopic("a", t => t with { Slug = "alpha", FormerSlugs = ["a"] })
            .WithTopic("b", t => t with { Prerequisites = ["alpha"] });

        var changes = roadmap.Apply(content, Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 0, 1, 0));
        roadmap.Topics.Should().HaveCount(3);
        var renamed = roadmap.FindTopic("alpha");
        renamed.Should().BeSameAs(original);
        renamed!.Id.Should().Be(original.Id);
        renamed.Slug.Should().Be("alpha");
        renamed.FormerSlugs.Should().Equal("a");
        renamed.Answers("a").Should().BeTrue();
        roadmap.FindTopic("a").Should().BeSameAs(original);
        roadmap.FindTopic("b")!.Prerequisites.Select(p => p.PrerequisiteId).Should().Equal(original.Id);
        roadmap.Version.Should().Be(2);
    }

    [Fact]
    public void A_rename_to_the_slug_of_a_retired_topic_is_refused_and_changes_nothing()
    {
        var roadmap = Published();
        roadmap.Apply(Small().WithSections(Small().Sections[0], Section("advanced")), Later).IsSuccess.Should().BeTrue("c retired");
        var version = roadmap.Version;
        var a = roadmap.FindTopic("a")!;

        var result = roadmap.Apply(Small().WithSections(Small().Sections[0], Section("advanced")).WithTopic("a", t => t with { Slug = "c", FormerSlugs = ["a"] })
            .WithTopic("b", t => t with { Prerequisites = ["c"] }), Later);

        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        result.Error.Details!.Should().ContainKey("sections[0].topics[0].slug");
        roadmap.Version.Should().Be(version);
        roadmap.FindTopic("a").Should().BeSameAs(a);
        roadmap.FindTopic("c").Should().BeNull("still retired");
    }

    [Fact]
    public void A_rename_to_the_slug_of_a_retired_topic_is_refused_when_it_names_the_topic_by_an_older_slug_too()
    {
        var roadmap = Published();
        roadmap.Apply(Small().WithTopic("a", t => t with { Slug = "a2", FormerSlugs = ["a"] }).WithTopic("b", t => t with { Prerequisites = ["a2"] }), Later)
            .IsSuccess.Should().BeTrue("a renamed a2");
        roadmap.Apply(Small().WithSections(Small().Sections[0], Section("advanced")).WithTopic("a", t => t with { Slug = "a2", FormerSlugs = ["a"] })
            .WithTopic("b", t => t with { Prerequisites = ["a2"] }), Later).IsSuccess.Should().BeTrue("c retired");
        var version = roadmap.Version;
        var a2 = roadmap.FindTopic("a2")!;

        var result = roadmap.Apply(Small().WithSections(Small().Sections[0], Section("advanced")).WithTopic("a", t => t with { Slug = "c", FormerSlugs = ["a"] })
            .WithTopic("b", t => t with { Prerequisites = ["c"] }), Later);

        result.Error!.Type.Should().Be(ErrorType.Unprocessable, "'a' is a2's former slug: c would come back and a2 be retired");
        result.Error.Details!["sections[0].topics[0].slug"].Should().ContainSingle().Which.Should().Contain("'a2' cannot be renamed");
        roadmap.Version.Should().Be(version);
        roadmap.FindTopic("a2").Should().BeSameAs(a2);
        roadmap.FindTopic("c").Should().BeNull("still retired");
    }

    [Fact]
    public void Former_slugs_keep_the_order_they_were_listed_in()
    {
        var content = Small().WithTopic("c", t => t with { FormerSlugs = ["zz", "yy"] });
        var roadmap = Published(content);

        var reordered = roadmap.Apply(content.WithTopic("c", t => t with { FormerSlugs = ["yy", "zz"] }), Later).Value;

        reordered.TopicsUpdated.Should().Be(1);
        roadmap.ToContent().Sections.SelectMany(s => s.Topics).Single(t => t.Slug == "c").FormerSlugs.Should().Equal("yy", "zz");
    }

    [Fact]
    public void A_former_slug_given_to_another_topic_leaves_the_one_that_had_it_and_the_export_imports_back_unchanged()
    {
        var roadmap = Published(Small().WithTopic("a", t => t with { FormerSlugs = ["old"] }));
        var a = roadmap.FindTopic("a")!;
        var b = roadmap.FindTopic("b")!;

        roadmap.Apply(Small().WithTopic("b", t => t with { FormerSlugs = ["old"] }), Later).IsSuccess.Should().BeTrue();

        a.FormerSlugs.Should().BeEmpty("the author gave 'old' to another topic");
        b.FormerSlugs.Should().Equal("old");
        roadmap.FindTopic("old").Should().BeSameAs(b);
        var again = roadmap.Apply(roadmap.ToContent(), Later.AddMinutes(1));
        again.IsSuccess.Should().BeTrue("the export is a valid document");
        again.Value.HasChanges.Should().BeFalse("importing the export back changes nothing");
    }

    [Fact]
    public void A_retired_topic_gives_up_a_former_slug_another_topic_takes_and_does_not_get_it_back_when_revived()
    {
        var roadmap = Published(Small().WithTopic("a", t => t with { FormerSlugs = ["x"] }));
        var a = roadmap.FindTopic("a")!;
        var withoutA = Small().WithSections(TestContent.Section("basics", TestContent.Topic("b")), Small().Sections[1]);
        roadmap.Apply(withoutA, Later).IsSuccess.Should().BeTrue();
        a.IsRetired.Should().BeTrue();

        roadmap.Apply(withoutA.WithTopic("b", t => t with { FormerSlugs = ["x"] }), Later.AddMinutes(1)).IsSuccess.Should().BeTrue();
        roadmap.Apply(Small(), Later.AddMinutes(2)).IsSuccess.Should().BeTrue();

        a.IsRetired.Should().BeFalse("listed again, it came back");
        a.FormerSlugs.Should().BeEmpty("'x' went to 'b' while 'a' was retired");
        roadmap.FindTopic("x").Should().BeSameAs(roadmap.FindTopic("b"));
        roadmap.Apply(roadmap.ToContent(), Later.AddMinutes(3)).IsSuccess.Should().BeTrue("the export imports back");
    }

    [Fact]
    public void A_former_slug_listed_twice_by_one_topic_is_named_as_such()
    {
        var result = Draft().Apply(Small().WithTopic("c", t => t with { FormerSlugs = ["x", "x"] }), Later);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Details!.Values.SelectMany(m => m).Should().ContainSingle().Which.Should().Be("Topic 'c' lists former slug 'x' more than once.");
    }

    [Fact]
    public void A_renamed_topic_remembers_every_earlier_slug()
    {
        var roadmap = Draft();
        roadmap.Apply(Small().WithTopic("c", t => t with { Slug = "c2", FormerSlugs = ["c"] }), Later);

        // The author may leave the old former slugs out: the topic still remembers them.
        roadmap.Apply(Small().WithTopic("c", t => t with { Slug = "c3", FormerSlugs = ["c2"] }), Later);

        var topic = roadmap.FindTopic("c3")!;
        topic.FormerSlugs.Should().BeEquivalentTo(["c", "c2"]);
        roadmap.FindTopic("c").Should().BeSameAs(topic);
        roadmap.FindTopic("c2").Should().BeSameAs(topic);
        roadmap.Topics.Should().HaveCount(3);
    }

    [Fact]
    public void Renaming_a_topic_back_to_a_former_slug_keeps_its_id()
    {
        var roadmap = Draft();
        var id = roadmap.FindTopic("c")!.Id;
        roadmap.Apply(Small().WithTopic("c", t => t with { Slug = "c2", FormerSlugs = ["c"] }), Later);

        roadmap.Apply(Small().WithTopic("c", t => t with { FormerSlugs = ["c2"] }), Later);

        var topic = roadmap.FindTopic("c")!;
        topic.Id.Should().Be(id);
        topic.FormerSlugs.Should().Equal("c2");
        roadmap.Topics.Should().HaveCount(3);
    }

    [Fact]
    public void Renaming_a_topic_without_its_former_slug_makes_a_new_topic_and_retires_the_old()
    {
        var roadmap = Draft();
        var original = roadmap.FindTopic("c")!;

        var changes = roadmap.Apply(Small().WithTopic("c", t => t with { Slug = "gamma" }), Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 1, 0, 1));
        roadmap.FindTopic("gamma")!.Id.Should().NotBe(original.Id);
        roadmap.FindTopic("c").Should().BeNull();
        original.IsRetired.Should().BeTrue();
    }

    [Fact]
    public void A_topic_left_out_is_retired()
    {
        var roadmap = Published();
        var c = roadmap.FindTopic("c")!;
        var content = Small().WithSections(Small().Sections[0], Section("advanced", Topic("d", prerequisites: ["b"])));

        var changes = roadmap.Apply(content, Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 1, 0, 1));
        c.IsRetired.Should().BeTrue();
        c.RetiredAt.Should().Be(Later);
        c.Prerequisites.Should().BeEmpty();
        roadmap.Topics.Should().Contain(c);
        roadmap.FindTopic("c").Should().BeNull();
        roadmap.ToContent().Sections.SelectMany(s => s.Topics).Select(t => t.Slug).Should().Equal("a", "b", "d");
        roadmap.Version.Should().Be(2);
    }

    [Fact]
    public void A_retired_topic_listed_again_comes_back_with_the_same_id()
    {
        var roadmap = Published();
        var c = roadmap.FindTopic("c")!;
        roadmap.Apply(Small().WithSections(Small().Sections[0], Section("advanced", Topic("d"))), Later);

        var changes = roadmap.Apply(Small(), Later.AddDays(1)).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 0, 1, 1));
        var revived = roadmap.FindTopic("c");
        revived.Should().BeSameAs(c);
        revived!.IsRetired.Should().BeFalse();
        revived.Prerequisites.Select(p => p.PrerequisiteId).Should().Equal(roadmap.FindTopic("b")!.Id);
        roadmap.FindTopic("d").Should().BeNull("d was left out this time");
    }

    [Fact]
    public void A_removed_section_is_retired_with_its_topics()
    {
        var roadmap = Published();
        var advanced = roadmap.Sections.Single(s => s.Slug == "advanced");
        var c = roadmap.FindTopic("c")!;

        var changes = roadmap.Apply(Small().WithSections(Small().Sections[0]), Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 0, 1, 0, 0, 1));
        advanced.IsRetired.Should().BeTrue();
        advanced.RetiredAt.Should().Be(Later);
        c.IsRetired.Should().BeTrue();
        roadmap.ToContent().Sections.Select(s => s.Slug).Should().Equal("basics");
        roadmap.Version.Should().Be(2);
    }

    [Fact]
    public void A_removed_section_listed_again_comes_back_with_the_same_id()
    {
        var roadmap = Draft();
        var advanced = roadmap.Sections.Single(s => s.Slug == "advanced");
        roadmap.Apply(Small().WithSections(Small().Sections[0]), Later);

        var changes = roadmap.Apply(Small(), Later).Value;

        changes.Should().Be(new RoadmapChanges(false, 0, 1, 0, 0, 1, 0));
        roadmap.Sections.Should().HaveCount(2);
        advanced.IsRetired.Should().BeFalse();
        roadmap.FindTopic("c")!.SectionId.Should().Be(advanced.Id);
    }

    [Fact]
    public void Moving_a_topic_to_another_section_keeps_its_id()
    {
        var roadmap = Published();
        var b = roadmap.FindTopic("b")!;
        var content = Small().WithSections(
            Section("basics", Topic("a")),
            Section("advanced", Topic("b", prerequisites: ["a"]), Topic("c", prerequisites: ["b"])));

        var changes = roadmap.Apply(content, Later).Value;

        // b moved; c kept its slug and section but its order went from 0 to 1.
        changes.Should().Be(new RoadmapChanges(false, 0, 0, 0, 0, 2, 0));
        var advanced = roadmap.Sections.Single(s => s.Slug == "advanced");
        roadmap.FindTopic("b").Should().BeSameAs(b);
        (b.SectionId, b.Order).Should().Be((advanced.Id, 0));
        roadmap.FindTopic("c")!.Order.Should().Be(1);
    }

    [Fact]
    public void Reordering_sections_updates_their_order()
    {
        var roadmap = Draft();
        var content = Small().WithSections(Section("advanced", Topic("c")), Section("basics", Topic("a"), Topic("b", prerequisites: ["a"])));

        var changes = roadmap.Apply(content, Later).Value;

        changes.SectionsUpdated.Should().Be(2);
        roadmap.ToContent().Sections.Select(s => s.Slug).Should().Equal("advanced", "basics");
    }
}
