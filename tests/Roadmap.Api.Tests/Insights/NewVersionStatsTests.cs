using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Insights;

/// <summary>
/// A new version of a roadmap recalculates the stats of its learners in the background: none of them writes, and each
/// shows the new version's totals (a retired topic no longer counted, an added one counted).
/// </summary>
public abstract class NewVersionStatsTests<TFactory>(TFactory factory) : InsightsTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task A_new_version_recalculates_every_learner_of_the_roadmap_without_them_writing()
    {
        using var author = await SignIn(Roles.Author);
        var slug = TestDocuments.NewSlug("version-stats");
        var document = TestDocuments.Small(slug);
        (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await author.Client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();

        using var first = await SignIn();
        using var second = await SignIn();
        using var left = await SignIn();
        using var onlyFollowing = await SignIn();
        await Change(first, slug, "a", "Done");
        var firstLast = await Change(first, slug, "c", "Skipped");
        var secondLast = await Change(second, slug, "c", "InProgress");
        var leftLast = await Change(left, slug, "b", "InProgress");
        (await left.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await onlyFollowing.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await Recalculated(first, slug, firstLast);
        (before.TotalTopics, before.Done, before.Skipped, before.PercentComplete, before.EstimatedMinutesRemaining).Should().Be((3, 1, 1, 50.0, 30));
        (await Recalculated(second, slug, secondLast)).EstimatedMinutesRemaining.Should().Be(90);
        (await Recalculated(left, slug, leftLast)).InProgress.Should().Be(1);

        // Version 2: "c" is retired and "d" (90 minutes) added in its section.
        var changed = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("d") with { EstimatedMinutes = 90 }] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", changed, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        var firstAfter = await Eventually.Until(() => RoadmapStats(first, slug), s => s.Skipped == 0, Ct);
        firstAfter.Should().BeEquivalentTo(new
        {
            TotalTopics = 3, Done = 1, Skipped = 0, InProgress = 0, NotStarted = 2, PercentComplete = 33.3,
            EstimatedMinutesRemaining = 120, LastEventId = firstLast,
        }, "c's Skipped no longer counts and d's 90 minutes do; no new event");
        firstAfter.Sections.Select(s => (s.Section, s.Total, s.Done, s.Skipped, s.Status)).Should().Equal(
            ("basics", 2, 1, 0, SectionStatus.InProgress), ("advanced", 1, 0, 0, SectionStatus.NotStarted));
        (await Eventually.Until(() => RoadmapStats(second, slug), s => s.InProgress == 0, Ct)).Should().BeEquivalentTo(
            new { TotalTopics = 3, InProgress = 0, NotStarted = 3, EstimatedMinutesRemaining = 150, LastEventId = secondLast });
        (await Eventually.Until(() => RoadmapStats(left, slug), s => s.EstimatedMinutesRemaining == 150, Ct)).Should().BeEquivalentTo(
            new { TotalTopics = 3, InProgress = 1, EstimatedMinutesRemaining = 150, LastEventId = leftLast }, "a learner who left keeps readable stats");
        (await Eventually.Until(() => RoadmapStats(onlyFollowing, slug), s => s.CalculatedAt is not null, Ct)).Should().BeEquivalentTo(
            new { TotalTopics = 3, NotStarted = 3, EstimatedMinutesRemaining = 150, LastEventId = 0L }, "a follower without progress is enrolled too");
        (await Eventually.Until(() => PendingMarks(), m => m == 0, Ct)).Should().Be(0, "the drain removed the marks the job wrote");
    }

    private async Task<int> PendingMarks()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoadmapDbContext>().Set<StatsMark>().CountAsync(Ct);
    }
}

public sealed class NewVersionStatsTests_Sqlite(SqliteApiFactory factory) : NewVersionStatsTests<SqliteApiFactory>(factory);

public sealed class NewVersionStatsTests_Postgres(PostgresApiFactory factory) : NewVersionStatsTests<PostgresApiFactory>(factory);
