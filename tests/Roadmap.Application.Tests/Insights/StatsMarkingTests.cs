using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights;
using Roadmap.Application.Insights.Marking;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Insights;

/// <summary>
/// Marking enrolled learners' stats for recalculation, a batch per command; the Admin's recalculation request; the
/// recalculation a roadmap's new version asks for.
/// </summary>
public class StatsMarkingTests
{
    private static readonly Guid RoadmapId = Guid.NewGuid();
    private static readonly Guid OtherRoadmapId = Guid.NewGuid();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_roadmaps_learners_are_marked_a_batch_at_a_time_until_none_is_left()
    {
        var clock = new FixedClock();
        var enrolled = Enumerable.Range(0, MarkEnrolledLearnersCommand.BatchSize + 1).Select(_ => Enrollment.Follow(Guid.NewGuid(), RoadmapId, clock.UtcNow)).ToList();
        var left = enrolled[7];
        left.Leave(clock.UtcNow);
        var elsewhere = Enrollment.Follow(Guid.NewGuid(), OtherRoadmapId, clock.UtcNow);
        var marks = new InMemoryRepository<StatsMark>();
        var handler = new MarkEnrolledLearnersCommandHandler(new InMemoryRepository<Enrollment>([.. enrolled, elsewhere]), marks, clock);

        var first = await handler.Handle(new MarkEnrolledLearnersCommand(RoadmapId, null), Token);
        var second = await handler.Handle(new MarkEnrolledLearnersCommand(RoadmapId, null, first.Value.Next!.Value), Token);

        first.Value.Should().Be(new MarkedLearners(MarkEnrolledLearnersCommand.BatchSize, MarkEnrolledLearnersCommand.BatchSize));
        second.Value.Should().Be(new MarkedLearners(1, null));
        marks.Items.Select(m => (m.LearnerId, m.RoadmapId)).Should().BeEquivalentTo(enrolled.Select(e => (e.LearnerId, RoadmapId)),
            "every enrollment of the roadmap once, a learner who left included, no other roadmap's");
        marks.Items.Should().OnlyContain(m => m.MarkedAt == clock.UtcNow);
    }

    [Fact]
    public async Task A_learner_alone_or_everyone_may_be_marked()
    {
        var clock = new FixedClock();
        var learner = Guid.NewGuid();
        var enrollments = new InMemoryRepository<Enrollment>(
            Enrollment.Follow(learner, RoadmapId, clock.UtcNow), Enrollment.Follow(learner, OtherRoadmapId, clock.UtcNow), Enrollment.Follow(Guid.NewGuid(), RoadmapId, clock.UtcNow));

        var byLearner = new InMemoryRepository<StatsMark>();
        (await new MarkEnrolledLearnersCommandHandler(enrollments, byLearner, clock).Handle(new MarkEnrolledLearnersCommand(null, learner), Token))
            .Value.Should().Be(new MarkedLearners(2, null));
        var both = new InMemoryRepository<StatsMark>();
        (await new MarkEnrolledLearnersCommandHandler(enrollments, both, clock).Handle(new MarkEnrolledLearnersCommand(OtherRoadmapId, learner), Token))
            .Value.Should().Be(new MarkedLearners(1, null));
        var everyone = new InMemoryRepository<StatsMark>();
        (await new MarkEnrolledLearnersCommandHandler(enrollments, everyone, clock).Handle(new MarkEnrolledLearnersCommand(null, null), Token))
            .Value.Should().Be(new MarkedLearners(3, null));

        byLearner.Items.Select(m => m.RoadmapId).Should().BeEquivalentTo([RoadmapId, OtherRoadmapId]);
        both.Items.Should().ContainSingle().Which.RoadmapId.Should().Be(OtherRoadmapId);
    }

    [Fact]
    public async Task An_Admins_recalculation_enqueues_one_job_for_the_roadmap_and_learner_it_names()
    {
        var learner = Guid.NewGuid();
        var jobs = new RecordingJobs();
        var handler = new RecalculateStatsCommandHandler(new OneRoadmap(), new Profiles(learner), jobs);

        var named = await handler.Handle(new RecalculateStatsCommand("known", learner), Token);
        var everything = await handler.Handle(new RecalculateStatsCommand(), Token);

        named.Value.JobId.Should().Be("job-1");
        everything.Value.JobId.Should().Be("job-2");
        jobs.Enqueued.Should().Equal((RoadmapId, learner), (null, null));
    }

    [Fact]
    public async Task An_unknown_roadmap_or_learner_is_not_found_and_nothing_is_enqueued()
    {
        var jobs = new RecordingJobs();
        var handler = new RecalculateStatsCommandHandler(new OneRoadmap(), new Profiles(), jobs);

        var roadmap = await handler.Handle(new RecalculateStatsCommand("unknown"), Token);
        var learner = await handler.Handle(new RecalculateStatsCommand(LearnerId: Guid.NewGuid()), Token);

        roadmap.Error!.Should().BeEquivalentTo(new { Type = ErrorType.NotFound, Code = "insights.roadmap_not_found" });
        learner.Error!.Should().BeEquivalentTo(new { Type = ErrorType.NotFound, Code = "insights.learner_not_found" });
        jobs.Enqueued.Should().BeEmpty();
    }

    [Fact]
    public void A_recalculation_request_names_a_roadmap_by_a_slug_and_a_learner_by_a_real_id()
    {
        var validator = new RecalculateStatsCommandValidator();

        validator.Validate(new RecalculateStatsCommand()).IsValid.Should().BeTrue();
        validator.Validate(new RecalculateStatsCommand("a-slug", Guid.NewGuid())).IsValid.Should().BeTrue();
        validator.Validate(new RecalculateStatsCommand("")).Errors.Select(e => e.PropertyName).Should().Equal("Roadmap");
        validator.Validate(new RecalculateStatsCommand(new string('a', CatalogLimits.SlugMaxLength + 1))).IsValid.Should().BeFalse();
        validator.Validate(new RecalculateStatsCommand(LearnerId: Guid.Empty)).Errors.Select(e => e.PropertyName).Should().Equal("LearnerId");
        new MarkEnrolledLearnersCommandValidator().Validate(new MarkEnrolledLearnersCommand(null, null, -1)).IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task A_new_version_has_the_roadmaps_learners_recalculated_once_it_is_committed()
    {
        var jobs = new RecordingJobs();
        var published = new RoadmapVersionPublishedDomainEvent(RoadmapId, "known", 2, 3, [Guid.NewGuid()], [], [Guid.NewGuid()], FixedClock.Start);

        await new RecalculateLearnersOfNewVersion(jobs).Handle(new AfterCommit<RoadmapVersionPublishedDomainEvent>(published), Token);

        jobs.Enqueued.Should().Equal((RoadmapId, (Guid?)null));
    }

    [Fact]
    public async Task Stats_behind_the_current_version_count_as_behind_unless_their_own_learner_has_a_mark_pending()
    {
        var clock = new FixedClock();
        var first = FakeCatalogReader.Outline("versions", "a", "b");
        var current = first with { Version = 2 };
        var (behind, recalculating, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var rows = new InMemoryRepository<LearnerRoadmapStats>(
            LearnerRoadmapStats.NotYetCalculated(behind, current.Id, first.ToStatsSource(), TimeZoneInfo.Utc),
            LearnerRoadmapStats.NotYetCalculated(recalculating, current.Id, first.ToStatsSource(), TimeZoneInfo.Utc),
            LearnerRoadmapStats.NotYetCalculated(other, current.Id, current.ToStatsSource(), TimeZoneInfo.Utc));
        var marks = new InMemoryRepository<StatsMark>(StatsMark.For(recalculating, current.Id, clock.UtcNow), StatsMark.For(other, current.Id, clock.UtcNow));
        var handler = new StatsBehindVersionQueryHandler(new FakeCatalogReader(current), rows, marks);

        (await handler.Handle(new StatsBehindVersionQuery(current.Id), Token)).Value.Should().BeTrue(
            "the first learner's row is on version 1 and nothing will rebuild it: the other learners' marks do not");
        marks.Add(StatsMark.For(behind, current.Id, clock.UtcNow));
        (await handler.Handle(new StatsBehindVersionQuery(current.Id), Token)).Value.Should().BeFalse(
            "every row behind has its learner's mark pending: the drain rebuilds them on version 2");
        (await handler.Handle(new StatsBehindVersionQuery(Guid.NewGuid()), Token)).Value.Should().BeFalse("an unknown roadmap");
    }

    private sealed class RecordingJobs : IStatsRecalculationJobs
    {
        public List<(Guid? RoadmapId, Guid? LearnerId)> Enqueued { get; } = [];

        public string EnqueueRecalculation(Guid? roadmapId, Guid? learnerId)
        {
            Enqueued.Add((roadmapId, learnerId));
            return $"job-{Enqueued.Count}";
        }
    }

    private sealed class OneRoadmap : ICatalogReader
    {
        private static readonly RoadmapOutline Known = new(RoadmapId, "known", "Known", RoadmapStatus.Published, 1, 1, [], []);

        public Task<RoadmapOutline?> GetRoadmapOutlineAsync(string slug, CancellationToken cancellationToken) =>
            Task.FromResult(slug == Known.Slug ? Known : null);

        public Task<RoadmapOutline?> GetRoadmapOutlineAsync(Guid roadmapId, CancellationToken cancellationToken) =>
            Task.FromResult(roadmapId == Known.Id ? Known : null);

        public Task<IReadOnlyDictionary<Guid, RoadmapName>> GetRoadmapNamesAsync(IReadOnlyCollection<Guid> roadmapIds, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class Profiles(params Guid[] learners) : ILearnerProfiles
    {
        public Task<IReadOnlyDictionary<Guid, LearnerProfile>> FindAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, LearnerProfile>>(learners.Where(learnerIds.Contains)
                .ToDictionary(id => id, id => new LearnerProfile(id, "Learner", "UTC", ShowOnLeaderboard: false)));
    }
}
