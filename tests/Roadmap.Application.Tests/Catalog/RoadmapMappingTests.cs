using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.Catalog;

public class RoadmapMappingTests
{
    [Fact]
    public void A_document_mapped_to_content_carries_every_field()
    {
        var document = TestDocuments.Small().WithTopic(0, 1, t => t with
        {
            Kind = TopicKind.Alternative,
            Difficulty = Difficulty.Advanced,
            EstimatedMinutes = 120,
            FormerSlugs = ["bee"],
            Resources = [new ResourceDocument { Title = "Paid", Url = "https://example.org/paid", Type = ResourceType.Course, Free = false }],
        });

        var content = document.ToContent();

        content.Title.Should().Be("Test roadmap");
        content.Description.Should().Be("A roadmap for tests.");
        content.Sections.Select(s => (s.Slug, s.Title, s.Description)).Should().Equal(("basics", "Basics", null), ("advanced", "Advanced", "Harder."));
        content.Sections[0].Topics[1].Should().BeEquivalentTo(new TopicContent(
            "b",
            "Topic b",
            "All about b.",
            TopicKind.Alternative,
            Difficulty.Advanced,
            120,
            ["a"],
            ["bee"],
            [new ResourceContent("Paid", "https://example.org/paid", ResourceType.Course, false)]));
    }

    [Fact]
    public void A_roadmap_mapped_to_a_document_is_the_document_it_was_made_from()
    {
        var document = TestDocuments.Small().WithTopic(1, 0, t => t with { Prerequisites = ["b", "a"] });

        var exported = TestRoadmaps.Draft(document).ToDocument();

        exported.Should().BeEquivalentTo(document, o => o.WithStrictOrdering(), "prerequisites are exported as listed");
        exported.Schema.Should().BeNull();
    }

    [Fact]
    public void The_dto_leaves_out_retired_sections_and_topics()
    {
        var roadmap = TestRoadmaps.Published();
        var onlyA = TestDocuments.Small() with { Sections = [TestDocuments.Small().Sections[0] with { Topics = [TestDocuments.Topic("a")] }] };
        roadmap.Apply(onlyA.ToContent(), FixedClock.Start);

        var dto = roadmap.ToDto();

        dto.Sections.Should().ContainSingle().Which.Topics.Select(t => t.Slug).Should().Equal("a");
        dto.TopicCount.Should().Be(1);
        dto.EstimatedMinutes.Should().Be(30);
        dto.Version.Should().Be(2);
    }

    [Fact]
    public void The_dto_names_prerequisites_by_slug_as_the_author_listed_them()
    {
        var roadmap = TestRoadmaps.Draft(TestDocuments.Small().WithTopic(1, 0, t => t with { Prerequisites = ["b", "a"] }));

        var c = roadmap.ToDto().Sections[1].Topics.Single();

        c.Prerequisites.Should().Equal("b", "a");
        c.SectionSlug.Should().Be("advanced");
        c.Id.Should().Be(roadmap.FindTopic("c")!.Id);
    }

    [Fact]
    public void The_dto_orders_sections_and_topics_by_their_order()
    {
        var roadmap = TestRoadmaps.Draft();
        var reordered = TestDocuments.Small() with
        {
            Sections =
            [
                new SectionDocument { Slug = "advanced", Title = "Advanced", Topics = [TestDocuments.Topic("c")] },
                new SectionDocument { Slug = "basics", Title = "Basics", Topics = [TestDocuments.Topic("b"), TestDocuments.Topic("a")] },
            ],
        };
        roadmap.Apply(reordered.ToContent(), FixedClock.Start);

        var dto = roadmap.ToDto();

        dto.Sections.Select(s => (s.Slug, s.Order)).Should().Equal(("advanced", 0), ("basics", 1));
        dto.Sections[1].Topics.Select(t => (t.Slug, t.Order)).Should().Equal(("b", 0), ("a", 1));
    }

    [Fact]
    public void The_dto_carries_resources_and_the_roadmap_details()
    {
        var roadmap = TestRoadmaps.Published();

        var dto = roadmap.ToDto();

        dto.Should().BeEquivalentTo(new
        {
            roadmap.Id,
            Slug = TestDocuments.Slug,
            Title = "Test roadmap",
            Description = "A roadmap for tests.",
            Status = RoadmapStatus.Published,
            Version = 1,
            PublishedAt = FixedClock.Start,
            TopicCount = 3,
            EstimatedMinutes = 90,
        });
        dto.Sections[0].Topics[0].Resources.Should().Equal(new ResourceDto("a docs", "https://example.org/a", ResourceType.Documentation, true));
    }

    [Fact]
    public void The_state_dto_says_where_the_roadmap_stands()
    {
        TestMappings.Mapper.Map<RoadmapStateDto>(TestRoadmaps.Archived()).Should().Be(new RoadmapStateDto(TestDocuments.Slug, RoadmapStatus.Archived, 1));
    }
}
