using FluentAssertions;
using Roadmap.Application.Insights.AuthorInsights;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Insights;

/// <summary>
/// The insights recalculation over its ports: the followers' stats rows (not those of learners who left), the activity
/// stream split per learner, and one row per roadmap updated in place.
/// </summary>
public class RoadmapInsightsCalculationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Figures_come_from_the_followers_only_and_days_to_done_never_mix_two_learners()
    {
        var outline = FakeCatalogReader.Outline("insights", "a", "b");
        var (a, b) = (outline.Topics[0].Id, outline.Topics[1].Id);
        var clock = new FixedClock();
        Guid first = Guid.NewGuid(), second = Guid.NewGuid(), gone = Guid.NewGuid();
        var t0 = clock.UtcNow.AddDays(-20);
        var learners = new FakeRoadmapLearners([first, second])
        {
            Changes =
            [
                // The first learner starts b and never finishes it; the second finishes b without starting it: no days for b.
                new(first, a, ProgressStatus.NotStarted, ProgressStatus.InProgress, t0),
                new(first, a, ProgressStatus.InProgress, ProgressStatus.Done, t0.AddDays(4)),
                new(first, b, ProgressStatus.NotStarted, ProgressStatus.InProgress, t0.AddDays(4)),
                new(second, a, ProgressStatus.NotStarted, ProgressStatus.InProgress, t0.AddDays(1)),
                new(second, a, ProgressStatus.InProgress, ProgressStatus.Done, t0.AddDays(2)),
                new(second, b, ProgressStatus.NotStarted, ProgressStatus.Done, t0.AddDays(5)),
            ],
            Skipped = new Dictionary<Guid, int> { [b] = 1 },
            Active = 2,
        };
        var source = outline.ToStatsSourceForTests();
        var stats = new InMemoryRepository<LearnerRoadmapStats>(
            LearnerRoadmapStats.Calculate(first, outline.Id, source with { Statuses = new Dictionary<Guid, ProgressStatus> { [a] = ProgressStatus.Done } }, TimeZoneInfo.Utc, clock.UtcNow),
            LearnerRoadmapStats.Calculate(gone, outline.Id, source with { Statuses = new Dictionary<Guid, ProgressStatus> { [a] = ProgressStatus.Done, [b] = ProgressStatus.Done } }, TimeZoneInfo.Utc, clock.UtcNow));
        var insights = new InMemoryRepository<RoadmapInsights>();
        var handler = new RecalculateRoadmapInsightsCommandHandler(new FakeCatalogReader(outline), learners, stats, insights, clock);

        (await handler.Handle(new RecalculateRoadmapInsightsCommand(outline.Id), Token)).IsSuccess.Should().BeTrue();

        var row = insights.Items.Should().ContainSingle().Subject;
        row.Should().BeEquivalentTo(new
        {
            RoadmapId = outline.Id, Enrolled = 2, ActiveLast30Days = 2,
            AverageCompletion = 25.0, // the first at 50 %, the second without a stats row at 0; the learner who left (100 %) not counted
            CalculatedAt = clock.UtcNow,
        });
        row.Sections.Should().Equal(new SectionCompletion("basics", 25));
        row.MostSkipped.Should().Equal(new TopicLearners("b", 1));
        row.MedianDaysToDone.Should().Equal(new TopicDays("a", 2.5)); // 4 days and 1 day
        learners.ActiveSince.Should().Be(clock.UtcNow.AddDays(-30));

        clock.UtcNow = clock.UtcNow.AddHours(1);
        (await handler.Handle(new RecalculateRoadmapInsightsCommand(outline.Id), Token)).IsSuccess.Should().BeTrue();
        insights.Items.Should().ContainSingle().Which.Should().BeSameAs(row, "the roadmap's one row is rebuilt in place");
        row.CalculatedAt.Should().Be(clock.UtcNow);
    }

    [Fact]
    public async Task An_unknown_roadmap_is_not_found()
    {
        var handler = new RecalculateRoadmapInsightsCommandHandler(
            new FakeCatalogReader(), new FakeRoadmapLearners([]), new InMemoryRepository<LearnerRoadmapStats>(), new InMemoryRepository<RoadmapInsights>(), new FixedClock());

        (await handler.Handle(new RecalculateRoadmapInsightsCommand(Guid.NewGuid()), Token)).Error!.Code.Should().Be("insights.roadmap_not_found");
    }

    private sealed class FakeRoadmapLearners(IReadOnlyList<Guid> followers) : IRoadmapLearners
    {
        public IReadOnlyList<LearnerStatusChange> Changes { get; init; } = [];

        public IReadOnlyDictionary<Guid, int> Skipped { get; init; } = new Dictionary<Guid, int>();

        public int Active { get; init; }

        public DateTimeOffset? ActiveSince { get; private set; }

        public Task<IReadOnlyList<Guid>> ListFollowersAsync(Guid roadmapId, CancellationToken cancellationToken) => Task.FromResult(followers);

        public Task<int> CountFollowersActiveSinceAsync(Guid roadmapId, DateTimeOffset since, CancellationToken cancellationToken)
        {
            ActiveSince = since;
            return Task.FromResult(Active);
        }

        public Task<IReadOnlyDictionary<Guid, int>> CountFollowersByTopicAsync(Guid roadmapId, ProgressStatus status, CancellationToken cancellationToken) =>
            Task.FromResult(status == ProgressStatus.Skipped ? Skipped : new Dictionary<Guid, int>());

        public IAsyncEnumerable<LearnerStatusChange> ReadFollowersActivityAsync(Guid roadmapId, CancellationToken cancellationToken) =>
            Changes.ToAsyncEnumerable();
    }
}

internal static class OutlineSources
{
    public static StatsSource ToStatsSourceForTests(this Roadmap.Application.Catalog.Contracts.RoadmapOutline outline) =>
        new(outline.Version, [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
            [.. outline.Topics.Select(t => new StatsTopic(t.Id, t.Section, t.EstimatedMinutes))], new Dictionary<Guid, ProgressStatus>(), [], 0);
}
