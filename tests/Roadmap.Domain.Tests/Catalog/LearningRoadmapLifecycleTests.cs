using FluentAssertions;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using static Roadmap.Domain.Tests.Catalog.TestContent;

namespace Roadmap.Domain.Tests.Catalog;

public class LearningRoadmapLifecycleTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    [Fact]
    public void Creating_a_roadmap_gives_a_draft_at_version_0()
    {
        var result = LearningRoadmap.Create(RoadmapSlug, Small(), Now);

        result.IsSuccess.Should().BeTrue();
        var roadmap = result.Value;
        roadmap.Id.Should().NotBeEmpty();
        roadmap.Slug.Should().Be(RoadmapSlug);
        roadmap.Title.Should().Be("Test roadmap");
        roadmap.Description.Should().Be("A roadmap for tests.");
        roadmap.Status.Should().Be(RoadmapStatus.Draft);
        roadmap.Version.Should().Be(0);
        roadmap.Revision.Should().Be(1);
        roadmap.PublishedAt.Should().BeNull();
        roadmap.CreatedAt.Should().Be(Now);
        roadmap.UpdatedAt.Should().Be(Now);
        roadmap.Sections.Select(s => s.Slug).Should().Equal("basics", "advanced");
        roadmap.Topics.Select(t => t.Slug).Should().Equal("a", "b", "c");
    }

    [Fact]
    public void Creating_a_roadmap_links_topics_to_their_sections_and_prerequisites()
    {
        var roadmap = Draft();

        var basics = roadmap.Sections.Single(s => s.Slug == "basics");
        var advanced = roadmap.Sections.Single(s => s.Slug == "advanced");
        var (a, b, c) = (roadmap.FindTopic("a")!, roadmap.FindTopic("b")!, roadmap.FindTopic("c")!);
        (basics.Order, advanced.Order).Should().Be((0, 1));
        (a.SectionId, a.Order).Should().Be((basics.Id, 0));
        (b.SectionId, b.Order).Should().Be((basics.Id, 1));
        (c.SectionId, c.Order).Should().Be((advanced.Id, 0));
        a.Prerequisites.Should().BeEmpty();
        b.Prerequisites.Select(p => p.PrerequisiteId).Should().Equal(a.Id);
        c.Prerequisites.Select(p => p.PrerequisiteId).Should().Equal(b.Id);
        roadmap.Topics.Should().OnlyContain(t => t.RoadmapId == roadmap.Id);
    }

    [Theory]
    [InlineData("Backend")]
    [InlineData("back--end")]
    [InlineData("-backend")]
    [InlineData("backend-")]
    [InlineData("back end")]
    [InlineData("")]
    public void Creating_a_roadmap_with_an_invalid_slug_is_refused(string slug)
    {
        var result = LearningRoadmap.Create(slug, Small(), Now);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        result.Error.Details.Should().ContainKey("slug");
    }

    [Fact]
    public void Creating_a_roadmap_with_a_slug_of_65_characters_is_refused()
    {
        var result = LearningRoadmap.Create(new string('a', 65), Small(), Now);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
    }

    [Fact]
    public void Creating_a_roadmap_whose_content_breaks_a_rule_is_refused()
    {
        var cyclic = Small().WithTopic("a", t => t with { Prerequisites = ["c"] });

        var result = LearningRoadmap.Create(RoadmapSlug, cyclic, Now);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
    }

    [Fact]
    public void Publishing_a_draft_makes_it_version_1()
    {
        var roadmap = Draft();

        var result = roadmap.Publish(Later);

        result.IsSuccess.Should().BeTrue();
        roadmap.Status.Should().Be(RoadmapStatus.Published);
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(2);
        roadmap.PublishedAt.Should().Be(Later);
        roadmap.UpdatedAt.Should().Be(Later);
        roadmap.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void Publishing_twice_is_a_conflict()
    {
        var roadmap = Published();

        var result = roadmap.Publish(Later);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Conflict);
        result.Error.Code.Should().Be("roadmap.not_draft");
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(2);
        roadmap.PublishedAt.Should().Be(Now);
    }

    [Fact]
    public void Publishing_an_archived_roadmap_is_a_conflict()
    {
        var roadmap = Published();
        roadmap.Archive(Now);

        var result = roadmap.Publish(Later);

        result.Error!.Type.Should().Be(ErrorType.Conflict);
        roadmap.Status.Should().Be(RoadmapStatus.Archived);
        roadmap.Version.Should().Be(1);
    }

    [Fact]
    public void Archiving_a_draft_is_a_conflict_so_a_draft_never_becomes_public()
    {
        var roadmap = Draft();

        var result = roadmap.Archive(Later);

        result.Error!.Type.Should().Be(ErrorType.Conflict);
        result.Error.Code.Should().Be("roadmap.not_published");
        roadmap.Status.Should().Be(RoadmapStatus.Draft);
        roadmap.IsVisible(canSeeDrafts: false).Should().BeFalse();
    }

    [Fact]
    public void Archiving_a_published_roadmap_keeps_its_version()
    {
        var roadmap = Published();

        var result = roadmap.Archive(Later);

        result.IsSuccess.Should().BeTrue();
        roadmap.Status.Should().Be(RoadmapStatus.Archived);
        roadmap.Version.Should().Be(1);
        roadmap.Revision.Should().Be(3);
        roadmap.UpdatedAt.Should().Be(Later);
        roadmap.PublishedAt.Should().Be(Now);
    }

    [Fact]
    public void Archiving_twice_is_a_conflict()
    {
        var roadmap = Published();
        roadmap.Archive(Now);

        var result = roadmap.Archive(Later);

        result.Error!.Type.Should().Be(ErrorType.Conflict);
        result.Error.Code.Should().Be("roadmap.archived");
        roadmap.Revision.Should().Be(3);
    }

    [Fact]
    public void Changing_an_archived_roadmap_gives_a_new_version_as_its_learners_see_the_change()
    {
        var roadmap = Published();
        roadmap.Archive(Now);

        var changes = roadmap.Apply(Small() with { Title = "Renamed" }, Later).Value;

        changes.HasChanges.Should().BeTrue();
        roadmap.Version.Should().Be(2);
        roadmap.Revision.Should().Be(4);
        roadmap.Title.Should().Be("Renamed");
    }

    [Fact]
    public void Creating_a_roadmap_raises_one_created_event()
    {
        var roadmap = Draft();

        roadmap.DomainEvents.Should().ContainSingle().Which.Should().Be(new RoadmapCreatedDomainEvent(roadmap.Id, RoadmapSlug, 1, Now));
    }

    [Fact]
    public void Archiving_raises_an_archived_event()
    {
        var roadmap = Published();
        roadmap.ClearDomainEvents();

        roadmap.Archive(Later);

        roadmap.DomainEvents.Should().ContainSingle().Which.Should().Be(new RoadmapArchivedDomainEvent(roadmap.Id, RoadmapSlug, 1, roadmap.Revision, Later));
    }

    [Fact]
    public void Publishing_raises_a_published_event_with_version_1()
    {
        var roadmap = Draft();
        roadmap.ClearDomainEvents();

        roadmap.Publish(Later);

        roadmap.DomainEvents.Should().ContainSingle().Which.Should().Be(new RoadmapPublishedDomainEvent(roadmap.Id, RoadmapSlug, 1, roadmap.Revision, Later));
    }

    [Fact]
    public void A_refused_publish_raises_no_event()
    {
        var roadmap = Published();
        roadmap.ClearDomainEvents();

        roadmap.Publish(Later);

        roadmap.DomainEvents.Should().BeEmpty();
    }
}
