using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.GetRoadmap;
using Roadmap.Application.Catalog.Roadmaps.GetTopic;
using Roadmap.Application.Catalog.Roadmaps.PublishRoadmap;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Catalog;

public class RoadmapQueryHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_roadmap_is_found_by_anyone()
    {
        var roadmap = TestRoadmaps.Published();
        var handler = new GetRoadmapQueryHandler(new InMemoryRepository<LearningRoadmap>(roadmap), TestUser.Anonymous, TestMappings.Mapper);

        var result = await handler.Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);

        result.IsSuccess.Should().BeTrue();
        result.Value.Value.Id.Should().Be(roadmap.Id);
        result.Value.Value.Version.Should().Be(1);
        result.Value.Revision.Should().Be(roadmap.Revision);
    }

    [Fact]
    public async Task A_draft_is_not_found_unless_the_caller_can_see_drafts()
    {
        var roadmaps = new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Draft());

        var hidden = await new GetRoadmapQueryHandler(roadmaps, TestUser.Learner, TestMappings.Mapper).Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);
        var shown = await new GetRoadmapQueryHandler(roadmaps, TestUser.Author, TestMappings.Mapper).Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);
        var toTheSystem = await new GetRoadmapQueryHandler(roadmaps, TestUser.System, TestMappings.Mapper).Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);

        hidden.Error!.Type.Should().Be(ErrorType.NotFound);
        hidden.Error.Code.Should().Be("roadmap.not_found");
        shown.Value.Value.Status.Should().Be(RoadmapStatus.Draft);
        toTheSystem.IsSuccess.Should().BeTrue("jobs and commands see drafts");
    }

    [Fact]
    public async Task An_archived_roadmap_is_still_found()
    {
        var handler = new GetRoadmapQueryHandler(new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Archived()), TestUser.Anonymous, TestMappings.Mapper);

        var result = await handler.Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);

        result.Value.Value.Status.Should().Be(RoadmapStatus.Archived);
    }

    [Fact]
    public async Task An_unknown_roadmap_is_not_found()
    {
        var handler = new GetRoadmapQueryHandler(new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Published()), TestUser.Anonymous, TestMappings.Mapper);

        var result = await handler.Handle(new GetRoadmapQuery("missing"), Token);

        result.Error!.Type.Should().Be(ErrorType.NotFound);
        result.Error.Message.Should().Contain("'missing'");
    }

    [Fact]
    public async Task A_roadmap_is_read_untracked()
    {
        var repository = new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Published());

        await new GetRoadmapQueryHandler(repository, TestUser.Anonymous, TestMappings.Mapper).Handle(new GetRoadmapQuery(TestDocuments.Slug), Token);

        repository.Specifications.Should().ContainSingle().Which.AsNoTracking.Should().BeTrue();
    }

    [Fact]
    public async Task A_topic_is_found_by_a_former_slug()
    {
        var roadmap = TestRoadmaps.Published();
        var renamed = TestDocuments.Small()
            .WithTopic(0, 0, t => t with { Slug = "alpha", FormerSlugs = ["a"] })
            .WithTopic(0, 1, t => t with { Prerequisites = ["alpha"] });
        roadmap.Apply(renamed.ToContent(), FixedClock.Start);
        var handler = new GetTopicQueryHandler(new InMemoryRepository<LearningRoadmap>(roadmap), TestUser.Anonymous, TestMappings.Mapper);

        var result = await handler.Handle(new GetTopicQuery(TestDocuments.Slug, "a"), Token);

        result.Value.Value.RoadmapSlug.Should().Be(TestDocuments.Slug);
        result.Value.Value.RoadmapVersion.Should().Be(2);
        result.Value.Revision.Should().Be(roadmap.Revision);
        result.Value.Value.Topic.Slug.Should().Be("alpha");
        result.Value.Value.Topic.SectionSlug.Should().Be("basics");
        result.Value.Value.Topic.FormerSlugs.Should().Equal("a");
    }

    [Fact]
    public async Task A_retired_or_unknown_topic_is_not_found()
    {
        var roadmap = TestRoadmaps.Published();
        roadmap.Apply(TestDocuments.Small().WithSection(1, s => s with { Topics = [TestDocuments.Topic("d")] }).ToContent(), FixedClock.Start);
        var handler = new GetTopicQueryHandler(new InMemoryRepository<LearningRoadmap>(roadmap), TestUser.Anonymous, TestMappings.Mapper);

        var retired = await handler.Handle(new GetTopicQuery(TestDocuments.Slug, "c"), Token);
        var unknown = await handler.Handle(new GetTopicQuery(TestDocuments.Slug, "zzz"), Token);

        retired.Error!.Code.Should().Be("topic.not_found");
        unknown.Error!.Code.Should().Be("topic.not_found");
    }

    [Fact]
    public async Task A_topic_of_a_draft_is_not_found_unless_the_caller_can_see_drafts()
    {
        var roadmaps = new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Draft());

        var hidden = await new GetTopicQueryHandler(roadmaps, TestUser.Anonymous, TestMappings.Mapper).Handle(new GetTopicQuery(TestDocuments.Slug, "a"), Token);
        var shown = await new GetTopicQueryHandler(roadmaps, TestUser.Author, TestMappings.Mapper).Handle(new GetTopicQuery(TestDocuments.Slug, "a"), Token);

        hidden.Error!.Code.Should().Be("roadmap.not_found");
        shown.Value.Value.Topic.Slug.Should().Be("a");
    }

    [Fact]
    public async Task Exporting_a_roadmap_gives_back_the_document_it_was_imported_from()
    {
        var document = TestDocuments.Small();
        var handler = new ExportRoadmapQueryHandler(new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Published(document)), TestMappings.Mapper);

        var result = await handler.Handle(new ExportRoadmapQuery(TestDocuments.Slug), Token);

        result.Value.Value.Should().BeEquivalentTo(document, o => o.WithStrictOrdering());
        result.Value.Revision.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Exporting_an_unknown_roadmap_is_not_found()
    {
        var handler = new ExportRoadmapQueryHandler(new InMemoryRepository<LearningRoadmap>(), TestMappings.Mapper);

        var result = await handler.Handle(new ExportRoadmapQuery("missing"), Token);

        result.Error!.Type.Should().Be(ErrorType.NotFound);
    }

    [Fact]
    public async Task Publishing_a_draft_returns_version_1()
    {
        var roadmap = TestRoadmaps.Draft();
        var clock = new FixedClock(FixedClock.Start.AddDays(2));
        var handler = new PublishRoadmapCommandHandler(new InMemoryRepository<LearningRoadmap>(roadmap), TestMappings.Mapper, clock);

        var result = await handler.Handle(new PublishRoadmapCommand(TestDocuments.Slug), Token);

        result.Value.Value.Should().Be(new RoadmapStateDto(TestDocuments.Slug, RoadmapStatus.Published, 1));
        result.Value.Revision.Should().Be(roadmap.Revision);
        roadmap.PublishedAt.Should().Be(clock.UtcNow);
    }

    [Fact]
    public async Task Publishing_a_published_roadmap_is_a_conflict()
    {
        var handler = new PublishRoadmapCommandHandler(new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Published()), TestMappings.Mapper, new FixedClock());

        var result = await handler.Handle(new PublishRoadmapCommand(TestDocuments.Slug), Token);

        result.Error!.Type.Should().Be(ErrorType.Conflict);
    }

    [Fact]
    public async Task Publishing_an_unknown_roadmap_is_not_found()
    {
        var handler = new PublishRoadmapCommandHandler(new InMemoryRepository<LearningRoadmap>(), TestMappings.Mapper, new FixedClock());

        var result = await handler.Handle(new PublishRoadmapCommand("missing"), Token);

        result.Error!.Type.Should().Be(ErrorType.NotFound);
    }
}
