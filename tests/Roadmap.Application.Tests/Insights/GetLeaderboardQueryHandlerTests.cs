using System.Globalization;
using FluentAssertions;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Insights.Leaderboards;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Insights;

public class GetLeaderboardQueryHandlerTests
{
    private static readonly DateTimeOffset Now = FixedClock.Start;
    private readonly LearningRoadmap _roadmap = TestRoadmaps.Published();
    private readonly InMemoryRepository<LearnerRoadmapStats> _stats = new();
    private readonly InMemoryRepository<Enrollment> _enrollments = new();
    private readonly Profiles _profiles = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task By_completion_ties_go_to_more_topics_done_then_to_the_larger_learner_id()
    {
        Learner("Half of four", total: 4, done: 2);
        Learner("Half of two", total: 2, done: 1);
        var quarterA = Learner("Quarter A", total: 4, done: 1);
        var quarterB = Learner("Quarter B", total: 4, done: 1);
        Learner("Opted out", total: 1, done: 1, optedIn: false);
        Learner("Left", total: 1, done: 1, following: false);
        Learner("No account", total: 1, done: 1, account: false);

        var board = await Board(new GetLeaderboardQuery(TestDocuments.Slug));

        var quarters = new[] { (quarterA, "Quarter A"), (quarterB, "Quarter B") }.OrderByDescending(q => q.Item1).Select(q => q.Item2);
        board.Items.Select(i => i.DisplayName).Should().Equal(new[] { "Half of four", "Half of two" }.Concat(quarters));
        board.Items.Select(i => (i.Rank, i.PercentComplete)).Should().Equal((1, 50.0), (2, 50.0), (3, 25.0), (4, 25.0));
    }

    [Fact]
    public async Task Candidates_are_read_a_page_at_a_time_until_enough_opted_in_followers_are_found()
    {
        for (var i = 0; i < 120; i++)
        {
            Learner($"Quiet {i}", total: 2, done: 2, optedIn: false);
        }

        Learner("Shown", total: 2, done: 1);
        Learner("Also shown", total: 4, done: 1);

        var board = await Board(new GetLeaderboardQuery(TestDocuments.Slug, Limit: 1));

        board.Items.Should().Equal(new LeaderboardEntryDto(1, "Shown", 50, 0));
        _stats.Specifications.OfType<LeaderboardPageSpec>().Should().HaveCount(3, "pages of 50: the first two are all opted out, the third is enough");
        _profiles.Asked.Should().HaveCount(3).And.OnlyContain(ids => ids.Count <= 50, "profiles are asked for one page at a time");
    }

    [Fact]
    public async Task By_streak_only_current_streaks_are_ranked_longest_first_in_each_learners_zone()
    {
        // Now is 10:00Z on the 22nd: 00:00 on the 23rd in Kiritimati (UTC+14), where noon UTC on the 20th was the 21st.
        Learner("Three days", total: 4, done: 1, days: ["2026-11-20", "2026-11-21", "2026-11-22"]);
        Learner("Since yesterday", total: 4, done: 2, days: ["2026-11-20", "2026-11-21"]);
        Learner("Since yesterday too", total: 4, done: 1, days: ["2026-11-20", "2026-11-21"]);
        Learner("Ended in Kiritimati", total: 4, done: 1, days: ["2026-11-19", "2026-11-20"], zone: "Pacific/Kiritimati");
        Learner("Ended long ago", total: 4, done: 4, days: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"]);
        Learner("Never active", total: 4, done: 0);

        var board = await Board(new GetLeaderboardQuery(TestDocuments.Slug, LeaderboardOrder.Streak));

        board.By.Should().Be(LeaderboardOrder.Streak);
        board.Items.Should().Equal(
            new LeaderboardEntryDto(1, "Three days", 25, 3),
            new LeaderboardEntryDto(2, "Since yesterday", 50, 2),
            new LeaderboardEntryDto(3, "Since yesterday too", 25, 2));
    }

    [Fact]
    public async Task Drafts_and_unknown_roadmaps_are_not_found()
    {
        var draft = new GetLeaderboardQueryHandler(Catalog(TestRoadmaps.Draft()), _stats, _enrollments, _profiles, new FixedClock(), TestMappings.Mapper);

        (await draft.Handle(new GetLeaderboardQuery(TestDocuments.Slug), Token)).Error!.Type.Should().Be(ErrorType.NotFound);
        (await Handler().Handle(new GetLeaderboardQuery("no-such-roadmap"), Token)).Error!.Code.Should().Be("insights.roadmap_not_found");
        _stats.Specifications.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0, LeaderboardOrder.Completion, false)]
    [InlineData(1, LeaderboardOrder.Streak, true)]
    [InlineData(100, LeaderboardOrder.Completion, true)]
    [InlineData(101, LeaderboardOrder.Completion, false)]
    [InlineData(10, (LeaderboardOrder)7, false)]
    public void The_limit_is_1_to_100_and_the_order_a_known_one(int limit, LeaderboardOrder by, bool valid) =>
        new GetLeaderboardQueryValidator().Validate(new GetLeaderboardQuery(TestDocuments.Slug, by, limit)).IsValid.Should().Be(valid);

    private async Task<LeaderboardDto> Board(GetLeaderboardQuery query)
    {
        var result = await Handler().Handle(query, Token);
        result.IsSuccess.Should().BeTrue();
        return result.Value;
    }

    private GetLeaderboardQueryHandler Handler() =>
        new(Catalog(_roadmap), _stats, _enrollments, _profiles, new FixedClock(Now), TestMappings.Mapper);

    private static CatalogReader Catalog(LearningRoadmap roadmap)
    {
        var roadmaps = new InMemoryRepository<LearningRoadmap>(roadmap);
        return new(roadmaps, new RepositoryRevisions(roadmaps), new CatalogReader.Outlines());
    }

    /// <summary>A learner with stats on the roadmap: <paramref name="done"/> of <paramref name="total"/> topics, active on <paramref name="days"/> (at noon UTC).</summary>
    private Guid Learner(string name, int total, int done, bool optedIn = true, bool following = true, bool account = true, string[]? days = null, string zone = "UTC")
    {
        var id = Guid.NewGuid();
        var topics = Enumerable.Range(0, total).Select(_ => new StatsTopic(Guid.NewGuid(), "basics", 10)).ToList();
        var events = (days ?? []).Select(d => new StatsEvent(
            topics[0].Id, ProgressStatus.NotStarted, ProgressStatus.InProgress, DateTimeOffset.Parse(d + "T12:00:00Z", CultureInfo.InvariantCulture))).ToList();
        var statuses = topics.Take(done).ToDictionary(t => t.Id, _ => ProgressStatus.Done);
        var source = new StatsSource(1, [new StatsSection("basics", "Basics")], topics, statuses, events, 1);
        _stats.Add(LearnerRoadmapStats.Calculate(id, _roadmap.Id, source, LocalCalendar.Zone(zone), Now));

        var enrollment = Enrollment.Follow(id, _roadmap.Id, Now.AddDays(-30));
        if (!following)
        {
            enrollment.Leave(Now).Should().BeTrue();
        }

        _enrollments.Add(enrollment);
        if (account)
        {
            _profiles.All[id] = new LearnerProfile(id, name, zone, optedIn);
        }

        return id;
    }

    private sealed class Profiles : ILearnerProfiles
    {
        public Dictionary<Guid, LearnerProfile> All { get; } = [];

        public List<IReadOnlyCollection<Guid>> Asked { get; } = [];

        public Task<IReadOnlyDictionary<Guid, LearnerProfile>> FindAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
        {
            Asked.Add(learnerIds);
            return Task.FromResult<IReadOnlyDictionary<Guid, LearnerProfile>>(
                learnerIds.Where(All.ContainsKey).ToDictionary(id => id, id => All[id]));
        }
    }
}
