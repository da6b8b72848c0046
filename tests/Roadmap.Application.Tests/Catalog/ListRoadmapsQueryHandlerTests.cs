using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Catalog;

public class ListRoadmapsQueryHandlerTests
{
    private readonly InMemoryRepository<LearningRoadmap> _roadmaps = new(
        TestRoadmaps.Published(TestDocuments.Small("charlie") with { Title = "Charlie" }),
        TestRoadmaps.Published(TestDocuments.Small("alpha") with { Title = "Alpha" }),
        TestRoadmaps.Draft(TestDocuments.Small("draft-one") with { Title = "Draft one" }),
        TestRoadmaps.Archived(TestDocuments.Small("old") with { Title = "Old" }),
        TestRoadmaps.Published(TestDocuments.Small("bravo") with { Title = "Bravo" }));

    [Fact]
    public async Task Listing_drafts_without_the_right_is_forbidden_and_anonymously_asks_to_sign_in()
    {
        var anonymous = await List(new ListRoadmapsQuery(Status: RoadmapStatus.Draft));
        var learner = await List(new ListRoadmapsQuery(Status: RoadmapStatus.Draft), TestUser.Learner);

        anonymous.Error!.Type.Should().Be(ErrorType.Unauthorized);
        anonymous.Error.Code.Should().Be("roadmap.drafts_sign_in");
        learner.Error!.Type.Should().Be(ErrorType.Forbidden);
        learner.Error.Code.Should().Be("roadmap.drafts_forbidden");
        _roadmaps.Specifications.Should().BeEmpty("nothing is read for a forbidden list");
    }

    [Fact]
    public async Task Authors_can_list_drafts()
    {
        var result = await List(new ListRoadmapsQuery(Status: RoadmapStatus.Draft), TestUser.Author);

        result.Value.Items.Select(r => r.Slug).Should().Equal("draft-one");
    }

    [Fact]
    public async Task Published_roadmaps_are_listed_by_title()
    {
        var result = await List(new ListRoadmapsQuery());

        result.Value.Items.Select(r => r.Title).Should().Equal("Alpha", "Bravo", "Charlie");
        result.Value.Should().BeEquivalentTo(new { Page = 1, PageSize = 20, TotalCount = 3, TotalPages = 1 });
    }

    [Fact]
    public async Task A_page_holds_its_share_and_the_total_counts_every_match()
    {
        var result = await List(new ListRoadmapsQuery(Page: 2, PageSize: 2));

        result.Value.Items.Select(r => r.Slug).Should().Equal("charlie");
        result.Value.TotalCount.Should().Be(3);
        result.Value.TotalPages.Should().Be(2);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty()
    {
        var result = await List(new ListRoadmapsQuery(Page: 5, PageSize: 2));

        result.Value.Items.Should().BeEmpty();
        result.Value.TotalCount.Should().Be(3);
    }

    [Fact]
    public async Task A_summary_counts_only_live_topics()
    {
        var roadmap = _roadmaps.Items.Single(r => r.Slug == "alpha");
        var withoutC = TestDocuments.Small("alpha").WithSection(1, s => s with { Topics = [TestDocuments.Topic("d") with { EstimatedMinutes = 100 }] });
        roadmap.Apply((withoutC with { Title = "Alpha" }).ToContent(), FixedClock.Start);

        var result = await List(new ListRoadmapsQuery());

        var summary = result.Value.Items.Single(r => r.Slug == "alpha");
        summary.TopicCount.Should().Be(3);
        summary.EstimatedMinutes.Should().Be(30 + 30 + 100);
        summary.Version.Should().Be(2);
        summary.Status.Should().Be(RoadmapStatus.Published);
        summary.Id.Should().Be(roadmap.Id);
    }

    private Task<Result<PagedList<RoadmapSummaryDto>>> List(ListRoadmapsQuery query, TestUser? caller = null) =>
        new ListRoadmapsQueryHandler(_roadmaps, caller ?? TestUser.Anonymous).Handle(query, TestContext.Current.CancellationToken);
}
