using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Insights;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Tests.Insights;

/// <summary>
/// A learner's stats on a roadmap over HTTP: recalculated by the Hangfire job after progress changes (through the
/// marks written with them), equal to an independent count of the progress listing, safe to recalculate again.
/// </summary>
public abstract class StatsTests<TFactory>(TFactory factory) : InsightsTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Before_the_first_recalculation_every_topic_counts_as_not_started_and_calculatedAt_is_null()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();

        var stats = await RoadmapStats(learner, slug);

        stats.Should().BeEquivalentTo(new
        {
            RoadmapSlug = slug, TotalTopics = 3, Done = 0, Skipped = 0, InProgress = 0, NotStarted = 3, PercentComplete = 0.0,
            EstimatedMinutesRemaining = 90, CurrentStreak = 0, LongestStreak = 0, ActiveDaysLast30 = 0,
            LastActiveDate = (DateOnly?)null, ProjectedFinishDate = (DateOnly?)null, CalculatedAt = (DateTimeOffset?)null, LastEventId = 0L,
        });
        stats.Sections.Select(s => (s.Section, s.Title, s.Total, s.Status)).Should().Equal(
            ("basics", "Basics", 2, SectionStatus.NotStarted), ("advanced", "Advanced", 1, SectionStatus.NotStarted));
    }

    [Fact]
    public async Task A_progress_change_shows_in_the_stats_by_its_event_id_and_the_figures_match_the_progress_listing()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();
        await Change(learner, slug, "a", "Done");
        await Change(learner, slug, "c", "Skipped");
        var last = await Change(learner, slug, "b", "InProgress");

        var stats = await Recalculated(learner, slug, last);

        stats.LastEventId.Should().Be(last, "the job recalculated after the last change");
        stats.CalculatedAt.Should().NotBeNull();
        var listing = await learner.Client.GetFromJsonAsync<RoadmapProgressDto>($"/api/me/roadmaps/{slug}/progress", Json, Ct);
        var count = (ProgressStatus status) => listing!.Topics.Count(t => t.Status == status);
        (stats.TotalTopics, stats.Done, stats.Skipped, stats.InProgress, stats.NotStarted).Should().Be(
            (listing!.Topics.Count, count(ProgressStatus.Done), count(ProgressStatus.Skipped), count(ProgressStatus.InProgress), count(ProgressStatus.NotStarted)));
        stats.PercentComplete.Should().Be(50, "1 done of 2 not skipped");
        stats.EstimatedMinutesRemaining.Should().Be(30, "only b is neither Done nor Skipped");
        (stats.CurrentStreak, stats.LongestStreak, stats.ActiveDaysLast30).Should().Be((1, 1, 1));
        stats.LastActiveDate.Should().Be(DateOnly.FromDateTime(DateTime.UtcNow));
        stats.Sections.Select(s => (s.Section, s.Done, s.Skipped, s.InProgress, s.Status)).Should().Equal(
            ("basics", 1, 0, 1, SectionStatus.InProgress), ("advanced", 0, 1, 0, SectionStatus.Done));
        // A round may include a change whose mark it did not list (committed after the listing, before the rebuild's
        // reads): the next round, up to Jobs:StatsRoundGapMilliseconds later, removes that mark.
        (await Eventually.Until(PendingMarks, m => m.Count == 0, Ct)).Should().BeEmpty("the recalculations removed the marks they include");
    }

    [Fact]
    public async Task Recalculating_again_or_concurrently_leaves_the_same_row()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();
        await Change(learner, slug, "a", "Done");
        var last = await Change(learner, slug, "b", "InProgress");
        await Recalculated(learner, slug, last);
        // The job's round that took in the last change may have left a mark for the next round (see above): that round
        // would rebuild the row once more, beside the five below.
        await Eventually.Until(PendingMarks, m => m.Count == 0, Ct);
        var roadmapId = (await StoredStats(learner.UserId)).Single().RoadmapId;
        var before = (await StoredStats(learner.UserId)).Single();

        (await Send(RecalculateStatsBatchCommand.For(learner.UserId, roadmapId))).IsSuccess.Should().BeTrue();
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Send(RecalculateStatsBatchCommand.For(learner.UserId, roadmapId))));

        concurrent.Should().OnlyContain(r => r.IsSuccess, "a rebuild that lost the race on the row's version runs again");
        var after = (await StoredStats(learner.UserId)).Should().ContainSingle().Subject;
        after.Should().BeEquivalentTo(before, o => o.Excluding(s => s.CalculatedAt).Excluding(s => s.Version));
        after.Version.Should().Be(before.Version + 5, "each of the five rebuilds saved once, none over another unseen (the version is a concurrency token)");
    }

    [Fact]
    public async Task A_row_rebuilt_from_a_version_another_rebuild_replaced_is_refused_and_changes_nothing()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();
        var last = await Change(learner, slug, "a", "Done");
        await Recalculated(learner, slug, last);
        var first = (await StoredStats(learner.UserId)).Single();
        var second = (await StoredStats(learner.UserId)).Single();
        var version = first.Version;

        // Both rebuilt from the same stored version, as two recalculations reading at once would.
        var empty = new StatsSource(first.RoadmapVersion, [], [], new Dictionary<Guid, ProgressStatus>(), [], first.LastEventId);
        first.Recalculate(empty, TimeZoneInfo.Utc, DateTimeOffset.UtcNow).Should().BeTrue();
        second.Recalculate(empty, TimeZoneInfo.Utc, DateTimeOffset.UtcNow).Should().BeTrue();
        await Write(first);
        var late = () => Write(second);

        await late.Should().ThrowAsync<ConcurrencyConflictException>();
        var stored = (await StoredStats(learner.UserId)).Should().ContainSingle().Subject;
        stored.Version.Should().Be(version + 1, "the first rebuild was saved, the second refused");
        stored.TotalTopics.Should().Be(0, "the first rebuild's figures are kept");
    }

    [Fact]
    public async Task A_row_stored_before_rows_had_versions_is_rebuilt()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();
        var last = await Change(learner, slug, "a", "Done");
        await Recalculated(learner, slug, last);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // The version column was added with 0 for the rows already there.
            await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<LearnerRoadmapStats>()
                .Where(s => s.LearnerId == learner.UserId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, 0), Ct);
        }

        var roadmapId = (await StoredStats(learner.UserId)).Single().RoadmapId;
        (await Send(RecalculateStatsBatchCommand.For(learner.UserId, roadmapId))).IsSuccess.Should().BeTrue();

        var stored = (await StoredStats(learner.UserId)).Should().ContainSingle().Subject;
        stored.Version.Should().Be(1);
        stored.Done.Should().Be(1);
    }

    [Fact]
    public async Task A_drain_returns_at_once_while_another_holds_the_lock_and_leaves_the_marks_to_it()
    {
        var slug = await Published("stats");
        using var learner = await SignIn();
        // Following (here by a first write) marks the stats too: that mark is drained before the lock is taken.
        var first = await Change(learner, slug, "b", "InProgress");
        await Recalculated(learner, slug, first);
        var storage = Factory.Services.GetRequiredService<JobStorage>();
        long last;
        // Taken as a running drain (of any node) holds it; the minute job may hold it for a moment.
        using (var running = await Eventually.Until(() => StorageLock.TryAcquire(storage, RecalculatePendingStatsJob.Lock, TimeSpan.Zero), l => l is not null, Ct))
        {
            running.Should().NotBeNull();
            last = await Change(learner, slug, "a", "Done");

            await RunDrain();

            (await PendingMarks()).Should().ContainSingle("the drain found the lock taken and left the mark to its holder");
            (await RoadmapStats(learner, slug)).LastEventId.Should().Be(first);
        }

        await RunDrain();

        // A drain the write asked for (or the minute job) may take the lock first, and then drains the mark itself.
        (await Eventually.Until(() => RoadmapStats(learner, slug), s => s.LastEventId == last, Ct)).LastEventId.Should().Be(last);
        (await PendingMarks()).Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_and_draft_roadmaps_are_not_found_and_anonymous_callers_are_refused()
    {
        using var author = await SignIn(Roles.Author);
        var draft = TestDocuments.NewSlug("stats-draft");
        (await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(draft), Json, Ct)).EnsureSuccessStatusCode();
        using var learner = await SignIn();
        using var anonymous = Client();

        (await learner.Client.GetAsync("/api/me/roadmaps/no-such-roadmap/stats", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await learner.Client.GetAsync("/api/me/roadmaps/%20/stats", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a blank slug names no roadmap, as in Learning");
        (await learner.Client.GetAsync($"/api/me/roadmaps/{draft}/stats", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/me/roadmaps/{draft}/stats", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<List<LearnerRoadmapStats>> StoredStats(Guid learnerId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<LearnerRoadmapStats>()
            .AsNoTracking().Where(s => s.LearnerId == learnerId).ToListAsync(Ct);
    }

    private async Task Write(LearnerRoadmapStats row)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStatsWriter>().SaveAsync(new[] { row }, Array.Empty<LearnerStreaks>(), Ct);
    }

    private async Task RunDrain()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecalculatePendingStatsJob>().RunAsync(Ct);
    }

    private async Task<List<StatsMark>> PendingMarks()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<StatsMark>().AsNoTracking().ToListAsync(Ct);
    }
}

public sealed class StatsTests_Sqlite(SqliteApiFactory factory) : StatsTests<SqliteApiFactory>(factory);

public sealed class StatsTests_Postgres(PostgresApiFactory factory) : StatsTests<PostgresApiFactory>(factory);
