using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Catalog;

public class ImportRoadmapCommandHandlerTests
{
    private readonly InMemoryRepository<LearningRoadmap> _roadmaps = new();
    private readonly FixedClock _clock = new();

    [Fact]
    public async Task Importing_a_new_document_creates_a_draft()
    {
        var result = await Import(new ImportRoadmapCommand(TestDocuments.Small()));

        result.IsSuccess.Should().BeTrue();
        result.Value.Value.Should().Be(new ImportRoadmapResult(
            TestDocuments.Slug, true, RoadmapStatus.Draft, 0, new RoadmapChangesDto(true, 2, 0, 0, 3, 0, 0)));
        var roadmap = _roadmaps.Items.Should().ContainSingle().Subject;
        roadmap.Slug.Should().Be(TestDocuments.Slug);
        roadmap.Status.Should().Be(RoadmapStatus.Draft);
        roadmap.CreatedAt.Should().Be(_clock.UtcNow);
        roadmap.Topics.Select(t => t.Slug).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task Importing_a_new_document_with_publish_makes_it_version_1()
    {
        var result = await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));

        result.Value.Value.Created.Should().BeTrue();
        result.Value.Value.Status.Should().Be(RoadmapStatus.Published);
        result.Value.Value.Version.Should().Be(1);
        var roadmap = _roadmaps.Items.Single();
        roadmap.Status.Should().Be(RoadmapStatus.Published);
        roadmap.PublishedAt.Should().Be(_clock.UtcNow);
    }

    [Fact]
    public async Task Importing_the_same_document_again_changes_nothing()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));
        _clock.UtcNow = _clock.UtcNow.AddHours(1);

        var result = await Import(new ImportRoadmapCommand(TestDocuments.Small()));

        result.Value.Value.Should().Be(new ImportRoadmapResult(
            TestDocuments.Slug, false, RoadmapStatus.Published, 1, new RoadmapChangesDto(false, 0, 0, 0, 0, 0, 0)));
        var roadmap = _roadmaps.Items.Should().ContainSingle().Subject;
        roadmap.Revision.Should().Be(2);
        roadmap.UpdatedAt.Should().Be(FixedClock.Start);
    }

    [Fact]
    public async Task Importing_a_changed_document_gives_a_published_roadmap_a_new_version()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));
        var changed = TestDocuments.Small().WithTopic(1, 0, t => t with { EstimatedMinutes = 45 });

        var result = await Import(new ImportRoadmapCommand(changed));

        result.Value.Value.Created.Should().BeFalse();
        result.Value.Value.Version.Should().Be(2);
        result.Value.Value.Changes.Should().Be(new RoadmapChangesDto(false, 0, 0, 0, 0, 1, 0));
        _roadmaps.Items.Single().FindTopic("c")!.EstimatedMinutes.Should().Be(45);
    }

    [Fact]
    public async Task Importing_with_publish_publishes_an_existing_draft()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small()));

        var result = await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));

        result.Value.Value.Created.Should().BeFalse();
        result.Value.Value.Status.Should().Be(RoadmapStatus.Published);
        result.Value.Value.Version.Should().Be(1);
    }

    [Fact]
    public async Task Importing_with_publish_leaves_an_already_published_roadmap_at_its_version()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));

        var result = await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));

        result.IsSuccess.Should().BeTrue();
        result.Value.Value.Version.Should().Be(1);
        _roadmaps.Items.Single().Revision.Should().Be(2);
    }

    [Fact]
    public async Task A_document_with_a_prerequisite_cycle_is_refused_and_nothing_is_added()
    {
        var cyclic = TestDocuments.Small().WithTopic(0, 0, t => t with { Prerequisites = ["c"] });

        var result = await Import(new ImportRoadmapCommand(cyclic));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        result.Error.Details.Should().ContainKey("sections[0].topics[0].prerequisites")
            .WhoseValue.Should().Equal("Prerequisites form a cycle: a → c → b → a.");
        _roadmaps.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_reimport_leaves_the_stored_roadmap_as_it_was()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small(), Publish: true));
        var cyclic = (TestDocuments.Small() with { Title = "Changed" }).WithTopic(0, 0, t => t with { Prerequisites = ["c"] });

        var result = await Import(new ImportRoadmapCommand(cyclic, Publish: true));

        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        var roadmap = _roadmaps.Items.Single();
        roadmap.Title.Should().Be("Test roadmap");
        roadmap.Version.Should().Be(1);
    }

    [Fact]
    public async Task The_roadmap_is_loaded_with_its_content_for_update()
    {
        await Import(new ImportRoadmapCommand(TestDocuments.Small()));

        var specification = _roadmaps.Specifications.Should().ContainSingle().Subject;
        specification.Should().BeOfType<RoadmapWithContentBySlugSpec>();
        specification.AsNoTracking.Should().BeFalse("changes to an untracked roadmap would never be saved");
        specification.IncludeExpressions.Should().HaveCount(2);
    }

    private Task<Result<Revisioned<ImportRoadmapResult>>> Import(ImportRoadmapCommand command) =>
        new ImportRoadmapCommandHandler(_roadmaps, TestMappings.Mapper, _clock).Handle(command, TestContext.Current.CancellationToken);
}
