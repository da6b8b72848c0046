using FluentAssertions;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.Catalog;

public class CatalogReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outline_is_built_once_per_revision_and_rebuilt_when_the_roadmap_changes()
    {
        var roadmap = TestRoadmaps.Published();
        var repository = new InMemoryRepository<LearningRoadmap>(roadmap);
        var outlines = new CatalogReader.Outlines();

        var revisions = new RepositoryRevisions(repository);

        var first = await new CatalogReader(repository, revisions, outlines).GetRoadmapOutlineAsync(TestDocuments.Slug, Token);
        var again = await new CatalogReader(repository, revisions, outlines).GetRoadmapOutlineAsync(TestDocuments.Slug, Token);

        again.Should().BeSameAs(first, "the revision did not move");
        revisions.Asked.Should().Be(2, "every read asks for the current revision");
        repository.Specifications.Select(s => s.GetType()).Should().Equal([typeof(RoadmapWithContentBySlugSpec)], "the content is loaded only to build the outline");

        roadmap.Archive(FixedClock.Start);
        var changed = await new CatalogReader(repository, revisions, outlines).GetRoadmapOutlineAsync(TestDocuments.Slug, Token);

        changed!.Status.Should().Be(RoadmapStatus.Archived, "a new revision is never answered from the kept outline");
        first!.Status.Should().Be(RoadmapStatus.Published);
    }

    [Fact]
    public async Task An_unknown_roadmap_has_no_outline()
    {
        var repository = new InMemoryRepository<LearningRoadmap>(TestRoadmaps.Published());
        var reader = new CatalogReader(repository, new RepositoryRevisions(repository), new CatalogReader.Outlines());

        (await reader.GetRoadmapOutlineAsync("no-such-roadmap", Token)).Should().BeNull();
    }

    [Fact]
    public void An_older_outline_never_replaces_a_newer_one()
    {
        var outlines = new CatalogReader.Outlines();
        var newer = new Roadmap.Application.Catalog.Contracts.RoadmapOutline(Guid.NewGuid(), "a", "A", RoadmapStatus.Published, 2, 5, [], []);
        var older = newer with { Version = 1, Revision = 4 };

        outlines.Keep("a", 5, newer);
        outlines.Keep("a", 4, older);

        outlines.Find("a", 5).Should().BeSameAs(newer);
        outlines.Find("a", 4).Should().BeNull();
    }
}
