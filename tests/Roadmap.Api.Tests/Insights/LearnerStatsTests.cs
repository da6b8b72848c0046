using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Insights.Contracts;

namespace Roadmap.Api.Tests.Insights;

/// <summary>
/// The signed-in learner's stats across roadmaps over HTTP: a row per roadmap they follow, and streaks over the union
/// of their active days on every roadmap, rebuilt with each roadmap's recalculation.
/// </summary>
public abstract class LearnerStatsTests<TFactory>(TFactory factory) : InsightsTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Streaks_run_across_roadmaps_and_every_followed_roadmap_has_a_row()
    {
        var first = await Published("first");
        var second = await Published("second");
        var untouched = await Published("untouched");
        var left = await Published("left");
        using var learner = await Learner("Lea");
        await Change(learner, left, "a", "Done", at: "2026-06-09T12:00:00Z");
        (await learner.Client.DeleteAsync($"/api/me/enrollments/{left}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // No followed roadmap on its own has two active days in a row; with the left one's, they have four (the 9th to the 12th).
        await Change(learner, first, "a", "Done", at: "2026-06-10T12:00:00Z");
        var onSecond = await Change(learner, second, "a", "InProgress", at: "2026-06-11T12:00:00Z");
        var last = await Change(learner, first, "b", "InProgress", at: "2026-06-12T12:00:00Z");
        (await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = untouched }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);

        // The streaks are rebuilt by any of the learner's recalculations, so they may be fresher than a roadmap's row: each says how fresh it is.
        var stats = await Eventually.Until(
            () => Summary(learner),
            s => s.LastEventId >= last
                && s.Roadmaps.Any(r => r.RoadmapSlug == first && r.LastEventId >= last)
                && s.Roadmaps.Any(r => r.RoadmapSlug == second && r.LastEventId >= onSecond)
                && s.Roadmaps.Any(r => r.RoadmapSlug == untouched && r.CalculatedAt is not null),
            Ct);

        (stats.CurrentStreak, stats.LongestStreak, stats.LastActiveDate).Should().Be((4, 4, new DateOnly(2026, 6, 12)),
            "the days of every roadmap count, the left one's too (the 9th): it was activity");
        stats.CalculatedAt.Should().NotBeNull();
        stats.Roadmaps.Select(r => r.RoadmapSlug).Should().Equal([untouched, second, first], "most recently followed first; the left roadmap has no row");
        stats.Roadmaps[0].Should().Be(new RoadmapStatsSummaryDto(untouched, "Test roadmap", 3, 0, 0, 0, null, stats.Roadmaps[0].CalculatedAt, 0),
            "following alone marks the stats: every live topic NotStarted");
        var firstRow = stats.Roadmaps[2];
        (firstRow.TotalTopics, firstRow.Done, firstRow.PercentComplete, firstRow.CurrentStreak, firstRow.LastActiveDate, firstRow.LastEventId)
            .Should().Be((3, 1, 33.3, 1, new DateOnly(2026, 6, 12), last));
        (stats.Roadmaps[1].Done, stats.Roadmaps[1].CurrentStreak).Should().Be((0, 1), "the second roadmap's last active day, the 11th, is yesterday");

        // Two local midnights later, with no event and no recalculation, the run across roadmaps has ended.
        Factory.Clock.Set(At("2026-06-14T00:30:00Z"));
        var later = await Summary(learner);
        (later.CurrentStreak, later.LongestStreak).Should().Be((0, 4));
        later.Roadmaps.Should().OnlyContain(r => r.CurrentStreak == 0);
    }

    [Fact]
    public async Task Changing_the_time_zone_recalculates_every_roadmap_and_the_streaks_in_the_new_zone()
    {
        var first = await Published("first");
        var second = await Published("second");
        using var learner = await Learner("Zoe");
        var onFirst = await Change(learner, first, "a", "Done", at: "2026-06-10T23:30:00Z");
        var onSecond = await Change(learner, second, "a", "InProgress", at: "2026-06-11T00:30:00Z");
        var before = await Eventually.Until(
            () => Summary(learner),
            s => s.Roadmaps.Any(r => r.RoadmapSlug == first && r.LastEventId >= onFirst) && s.Roadmaps.Any(r => r.RoadmapSlug == second && r.LastEventId >= onSecond),
            Ct);
        (before.LongestStreak, before.Roadmaps.Single(r => r.RoadmapSlug == first).LastActiveDate).Should().Be((2, new DateOnly(2026, 6, 10)),
            "in UTC the two events fall on the 10th and the 11th");

        // At UTC+14 both events fall on the 11th: no event is written, yet both rows and the streaks change.
        var patched = await learner.Client.PatchAsJsonAsync("/api/me", new { timeZone = "Pacific/Kiritimati" }, Json, Ct);
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await Eventually.Until(
            () => Summary(learner),
            s => s.LongestStreak == 1 && s.Roadmaps.All(r => r.LastActiveDate == new DateOnly(2026, 6, 11)),
            Ct);

        (after.LongestStreak, after.LastActiveDate, after.LastEventId).Should().Be((1, new DateOnly(2026, 6, 11), onSecond));
        after.Roadmaps.Select(r => (r.RoadmapSlug, r.LastActiveDate, r.LastEventId)).Should().BeEquivalentTo(
            [(first, (DateOnly?)new DateOnly(2026, 6, 11), onFirst), (second, (DateOnly?)new DateOnly(2026, 6, 11), onSecond)],
            "each roadmap's row is rebuilt in the new zone from the same events");
    }

    [Fact]
    public async Task A_learner_without_roadmaps_has_an_empty_summary_and_anonymous_callers_are_refused()
    {
        using var learner = await SignIn();
        using var anonymous = Client();

        var stats = await Summary(learner);

        stats.Should().BeEquivalentTo(new
        {
            CurrentStreak = 0, LongestStreak = 0, LastActiveDate = (DateOnly?)null, CalculatedAt = (DateTimeOffset?)null, LastEventId = 0L,
            Roadmaps = Array.Empty<RoadmapStatsSummaryDto>(),
        });
        (await anonymous.GetAsync("/api/me/stats", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<LearnerStatsDto> Summary(SignedIn who)
    {
        var response = await who.Client.GetAsync("/api/me/stats", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Read<LearnerStatsDto>(response);
    }
}

public sealed class LearnerStatsTests_Sqlite(SqliteApiFactory factory) : LearnerStatsTests<SqliteApiFactory>(factory);

public sealed class LearnerStatsTests_Postgres(PostgresApiFactory factory) : LearnerStatsTests<PostgresApiFactory>(factory);
