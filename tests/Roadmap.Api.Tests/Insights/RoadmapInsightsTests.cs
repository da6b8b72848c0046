using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Hangfire;
using Hangfire.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.AuthorInsights;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Insights;

/// <summary>
/// Author insights over HTTP: calculated by a command (run directly here, by the jobs elsewhere) from who follows the
/// roadmap, their stats rows, their progress and events; equal to figures counted by hand from the learners' changes;
/// only for Authors and Admins.
/// </summary>
public abstract class RoadmapInsightsTests<TFactory>(TFactory factory) : InsightsTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task The_figures_match_the_learners_changes_and_a_learner_who_left_counts_nowhere()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var recent = await SignIn();
        using var earlier = await SignIn();
        using var onlyFollowing = await SignIn();
        using var left = await SignIn();
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));

        // Active 10 to 5 days ago: a in 2 days, b in 3 days, c skipped → 2 done of 2 counted: 100 %.
        await Change(recent, slug, "a", "InProgress", now.AddDays(-10));
        await Change(recent, slug, "a", "Done", now.AddDays(-8));
        await Change(recent, slug, "b", "InProgress", now.AddDays(-8));
        await Change(recent, slug, "b", "Done", now.AddDays(-5));
        var recentLast = await Change(recent, slug, "c", "Skipped", now.AddDays(-5));

        // Active 40 days ago only: a in half a day, c skipped → 1 done of 2 counted: 50 %.
        await Change(earlier, slug, "a", "InProgress", now.AddDays(-40));
        await Change(earlier, slug, "a", "Done", now.AddDays(-39.5));
        var earlierLast = await Change(earlier, slug, "c", "Skipped", now.AddDays(-40));

        // Follows without progress: no stats row, counted at 0 %.
        Factory.Clock.Reset();
        (await onlyFollowing.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);

        // Active 3 days ago, then left: excluded from every figure.
        await Change(left, slug, "a", "InProgress", now.AddDays(-3));
        await Change(left, slug, "a", "Done", now.AddDays(-2));
        await Change(left, slug, "b", "Skipped", now.AddDays(-2));
        var leftLast = await Change(left, slug, "c", "Skipped", now.AddDays(-1));
        Factory.Clock.Reset();
        (await left.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        foreach (var (who, last) in new[] { (recent, recentLast), (earlier, earlierLast), (left, leftLast) })
        {
            await Recalculated(who, slug, last);
        }

        Factory.Clock.Set(now);
        (await Send(new RecalculateRoadmapInsightsCommand(await RoadmapId(slug)))).IsSuccess.Should().BeTrue();

        // Counted by hand over the three learners following: percent, per section, skips, days to Done.
        double[] percents = [100, 50, 0];
        var insights = await Insights(author, slug);
        insights.Should().BeEquivalentTo(new
        {
            Enrolled = 3,
            ActiveLast30Days = 1,
            AverageCompletion = Math.Round(percents.Average(), 1),
            CalculatedAt = (DateTimeOffset?)now,
        });
        insights.CompletionBuckets.Should().HaveCount(10);
        insights.CompletionBuckets.Select(b => (b.From, b.To, b.Learners)).Should().Contain([(0, 9.9, 1), (50, 59.9, 1), (90, 100, 1)]);
        insights.CompletionBuckets.Sum(b => b.Learners).Should().Be(3);
        insights.Sections.Should().Equal(
            new SectionCompletionDto("basics", Math.Round((100 + 50 + 0) / 3.0, 1)),
            new SectionCompletionDto("advanced", 0)); // c skipped by both learners with progress: nothing left to count
        insights.MostSkipped.Should().Equal(new TopicLearnersDto("c", 2));
        insights.MedianDaysToDone.Should().Equal(
            new TopicDaysDto("a", Math.Round((2 + 0.5) / 2, 1, MidpointRounding.AwayFromZero)),
            new TopicDaysDto("b", 3));
    }

    [Fact]
    public async Task Before_the_first_calculation_the_answer_is_zeros_and_calculatedAt_is_null_for_drafts_too()
    {
        using var author = await SignIn(Roles.Author);
        var published = await Published(author, "insights");
        var draft = TestDocuments.NewSlug("insights-draft");
        (await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(draft), Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);

        foreach (var slug in new[] { published, draft })
        {
            var insights = await Insights(author, slug);

            insights.Should().BeEquivalentTo(new { Enrolled = 0, ActiveLast30Days = 0, AverageCompletion = 0.0, CalculatedAt = (DateTimeOffset?)null });
            insights.CompletionBuckets.Should().HaveCount(10).And.OnlyContain(b => b.Learners == 0);
            insights.Sections.Should().Equal(new SectionCompletionDto("basics", 0), new SectionCompletionDto("advanced", 0));
            insights.MostSkipped.Should().BeEmpty();
            insights.MedianDaysToDone.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Recalculating_again_or_concurrently_leaves_the_same_row()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var learner = await SignIn();
        await Change(learner, slug, "a", "InProgress");
        var last = await Change(learner, slug, "a", "Done");
        await Recalculated(learner, slug, last);
        var roadmapId = await RoadmapId(slug);

        (await Send(new RecalculateRoadmapInsightsCommand(roadmapId))).IsSuccess.Should().BeTrue();
        var before = await Stored(roadmapId);
        (await Send(new RecalculateRoadmapInsightsCommand(roadmapId))).IsSuccess.Should().BeTrue();
        (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Send(new RecalculateRoadmapInsightsCommand(roadmapId)))))
            .Should().OnlyContain(r => r.IsSuccess);

        var after = await Stored(roadmapId);
        after.Should().BeEquivalentTo(before, o => o.Excluding(i => i.CalculatedAt).Excluding(i => i.Version));
        after.Enrolled.Should().Be(1);
        after.AverageCompletion.Should().Be(33.3);
    }

    [Fact]
    public async Task A_rebuild_that_read_before_another_one_committed_conflicts_instead_of_overwriting_it()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var first = await SignIn();
        (await first.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        var roadmapId = await RoadmapId(slug);
        (await Send(new RecalculateRoadmapInsightsCommand(roadmapId))).IsSuccess.Should().BeTrue();

        // A rebuild reads the row and its sources (one learner following) in its transaction, and has not saved yet …
        await using var slow = Factory.Services.CreateAsyncScope();
        var unitOfWork = slow.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using (await unitOfWork.BeginTransactionAsync(Ct))
        {
            var handler = slow.ServiceProvider.GetRequiredService<IRequestHandler<RecalculateRoadmapInsightsCommand, Result>>();
            (await handler.Handle(new RecalculateRoadmapInsightsCommand(roadmapId), Ct)).IsSuccess.Should().BeTrue();

            // … when a second learner follows and another rebuild counts both and commits.
            using var second = await SignIn();
            (await second.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
            (await Send(new RecalculateRoadmapInsightsCommand(roadmapId))).IsSuccess.Should().BeTrue();

            var commit = () => unitOfWork.CommitAsync(Ct);
            await commit.Should().ThrowAsync<ConcurrencyConflictException>();
        }

        (await Stored(roadmapId)).Enrolled.Should().Be(2);
    }

    [Fact]
    public async Task Only_Authors_and_Admins_may_read_insights()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();
        using var anonymous = Client();

        (await author.Client.GetAsync($"/api/roadmaps/{slug}/insights", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Client.GetAsync($"/api/roadmaps/{slug}/insights", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await learner.Client.GetAsync($"/api/roadmaps/{slug}/insights", Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync($"/api/roadmaps/{slug}/insights", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var missing = await author.Client.GetAsync("/api/roadmaps/no-such-roadmap/insights", Ct);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await author.Client.GetAsync("/api/roadmaps/%20/insights", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadJson(missing)).GetProperty("code").GetString().Should().Be("insights.roadmap_not_found");
    }

    [Fact]
    public async Task A_new_version_has_the_insights_recalculated_after_the_learners_stats()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var learner = await SignIn();
        await Change(learner, slug, "a", "Done");
        var last = await Change(learner, slug, "c", "Skipped");
        await Recalculated(learner, slug, last);

        // Version 2 retires c: the learner's 1 done of 2 counted (50 %) becomes 1 done of 2 (a, b) with nothing skipped, still 50 %,
        // and c is no longer skipped; the insights follow without anyone asking.
        var document = TestDocuments.Small(slug);
        var changed = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", changed, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        var insights = await Eventually.Until(() => Insights(author, slug), i => i.CalculatedAt is not null, Ct);

        insights.CalculatedAt.Should().NotBeNull("the insights job followed the stats drain");
        insights.Should().BeEquivalentTo(new { Enrolled = 1, AverageCompletion = 33.3 }, "a done of a, b, d");
        insights.MostSkipped.Should().BeEmpty("c is retired");
    }

    [Fact]
    public async Task The_hourly_job_starts_again_a_new_versions_recalculation_that_was_lost()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var learner = await SignIn();
        var last = await Change(learner, slug, "a", "Done");
        await Recalculated(learner, slug, last);
        var document = TestDocuments.Small(slug);
        var changed = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("c"), TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", changed, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.Until(() => RoadmapStats(learner, slug), s => s.TotalTopics == 4, Ct);
        await Eventually.Until(() => Insights(author, slug), i => i.CalculatedAt is not null, Ct);

        // What a node leaves that dies between the new version's commit and the enqueue of its recalculation: the row
        // still on version 1 (three topics), nothing pending.
        var roadmapId = await RoadmapId(slug);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<LearnerRoadmapStats>()
                .Where(s => s.RoadmapId == roadmapId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RoadmapVersion, 1).SetProperty(s => s.TotalTopics, 3), Ct)).Should().Be(1);
        }

        (await RoadmapStats(learner, slug)).TotalTopics.Should().Be(3);
        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger("insights.roadmap-insights");

        (await Eventually.Until(() => RoadmapStats(learner, slug), s => s.TotalTopics == 4, Ct)).Should().BeEquivalentTo(new { Done = 1, NotStarted = 3 });
    }

    [Fact]
    public async Task The_hourly_job_recalculates_published_roadmaps()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var learner = await SignIn();
        var last = await Change(learner, slug, "a", "Done");
        await Recalculated(learner, slug, last);
        using (var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            connection.GetRecurringJobs().Should().ContainSingle(j => j.Id == "insights.roadmap-insights")
                .Which.Cron.Should().Be(Cron.Hourly());
        }

        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger("insights.roadmap-insights");

        var insights = await Eventually.Until(() => Insights(author, slug), i => i.CalculatedAt is not null, Ct);
        insights.Should().BeEquivalentTo(new { Enrolled = 1, AverageCompletion = 33.3 });
    }

    [Fact]
    public async Task The_hourly_job_recalculates_archived_roadmaps_whose_followers_still_write()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author, "insights");
        using var learner = await SignIn();
        await Change(learner, slug, "a", "Done");
        (await author.Client.PostAsync($"/api/roadmaps/{slug}/archive", null, Ct)).EnsureSuccessStatusCode();
        var last = await Change(learner, slug, "b", "Done");
        await Recalculated(learner, slug, last);

        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger("insights.roadmap-insights");

        var insights = await Eventually.Until(() => Insights(author, slug), i => i.CalculatedAt is not null, Ct);
        insights.Should().BeEquivalentTo(new { Enrolled = 1, AverageCompletion = 66.7 }, "a and b of a, b, c are done, b after archiving");
    }

    private static async Task<RoadmapInsightsDto> Insights(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/roadmaps/{slug}/insights", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Read<RoadmapInsightsDto>(response);
    }

    private async Task<Guid> RoadmapId(string slug)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalogReader>().GetRoadmapOutlineAsync(slug, Ct))!.Id;
    }

    private async Task<RoadmapInsights> Stored(Guid roadmapId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<RoadmapInsights>()
            .AsNoTracking().SingleAsync(i => i.RoadmapId == roadmapId, Ct);
    }
}

public sealed class RoadmapInsightsTests_Sqlite(SqliteApiFactory factory) : RoadmapInsightsTests<SqliteApiFactory>(factory);

public sealed class RoadmapInsightsTests_Postgres(PostgresApiFactory factory) : RoadmapInsightsTests<PostgresApiFactory>(factory);
