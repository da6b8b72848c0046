using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Api.Tests.Insights;

/// <summary>
/// A roadmap's leaderboard over HTTP, for anyone: only learners who opted in and still follow it, by display name,
/// ranked by completion or by current streak in each learner's own time zone, ties broken by a fixed order.
/// </summary>
public abstract class LeaderboardTests<TFactory>(TFactory factory) : InsightsTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Only_learners_who_opted_in_and_still_follow_are_ranked_by_completion_with_display_names_only()
    {
        var slug = await Published();
        using var ann = await Learner("Ann");
        using var bob = await Learner("Bob");
        using var cat = await Learner("Cat", showOnLeaderboard: false);
        using var dan = await Learner("Dan");
        using var eve = await Learner("Eve");
        await Change(ann, slug, "a", "Done");
        await Recalculated(ann, slug, await Change(ann, slug, "b", "Done"));
        await Recalculated(bob, slug, await Change(bob, slug, "a", "Done"));
        await Change(cat, slug, "a", "Done");
        await Change(cat, slug, "b", "Done");
        await Recalculated(cat, slug, await Change(cat, slug, "c", "Done"));
        await Change(dan, slug, "a", "Done");
        await Change(dan, slug, "b", "Done");
        await Recalculated(dan, slug, await Change(dan, slug, "c", "Done"));
        (await dan.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        // Eve follows and writes nothing: following marks her stats, so she is ranked too.
        (await eve.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        await Eventually.Until(() => RoadmapStats(eve, slug), s => s.CalculatedAt is not null, Ct);
        using var anonymous = Client();

        var response = await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var board = JsonSerializer.Deserialize<LeaderboardDto>(text, Json)!;
        board.By.Should().Be(LeaderboardOrder.Completion, "completion is the default");
        board.Items.Should().Equal(new LeaderboardEntryDto(1, "Ann", 66.7, 1), new LeaderboardEntryDto(2, "Bob", 33.3, 1), new LeaderboardEntryDto(3, "Eve", 0, 0));
        foreach (var who in new[] { ann, bob, cat, dan, eve })
        {
            text.Should().NotContainEquivalentOf(who.UserId.ToString()).And.NotContainEquivalentOf(who.Email);
        }

        var json = JsonDocument.Parse(text).RootElement;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("by", "items");
        json.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).Should().Equal("rank", "displayName", "percentComplete", "currentStreak");
    }

    [Fact]
    public async Task Equal_figures_are_ranked_by_learner_id_descending_and_limit_cuts_the_board()
    {
        var slug = await Published();
        var tied = new List<(string Name, SignedIn Learner)>();
        foreach (var name in new[] { "Eve", "Fay", "Gil" })
        {
            var learner = await Learner(name);
            tied.Add((name, learner));
            await Recalculated(learner, slug, await Change(learner, slug, "a", "Done"));
        }

        using var anonymous = Client();
        var board = await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=Completion&limit=100", Ct));
        var top2 = await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?limit=2", Ct));

        // The databases order ids as their canonical text does (PostgreSQL's uuid bytes, SQLite's text).
        board.Items.Select(i => i.DisplayName).Should().Equal(
            tied.OrderByDescending(t => t.Learner.UserId.ToString(), StringComparer.OrdinalIgnoreCase).Select(t => t.Name));
        board.Items.Select(i => i.Rank).Should().Equal(1, 2, 3);
        board.Items.Should().OnlyContain(i => i.PercentComplete == 33.3);
        top2.Items.Should().Equal(board.Items.Take(2));
        tied.ForEach(t => t.Learner.Dispose());
    }

    [Fact]
    public async Task By_streak_ranks_current_streaks_in_each_learners_zone_and_leaves_out_ended_ones()
    {
        var slug = await Published();
        using var gus = await Learner("Gus");
        using var hal = await Learner("Hal");
        using var ivy = await Learner("Ivy");
        using var kim = await Learner("Kim");
        using var jon = await Learner("Jon", timeZone: "Pacific/Kiritimati");

        var ivyLast = await Change(ivy, slug, "a", "Done", at: "2026-06-12T12:00:00Z");
        await Change(gus, slug, "a", "Done", at: "2026-06-13T12:00:00Z");
        await Change(gus, slug, "b", "InProgress", at: "2026-06-14T12:00:00Z");
        await Change(hal, slug, "a", "InProgress", at: "2026-06-14T12:00:00Z");
        var kimLast = await Change(kim, slug, "a", "Done", at: "2026-06-14T09:00:00Z");

        // 23:00 on the 14th in Kiritimati (UTC+14): the same instant as Kim's, a day further from Kiritimati's today.
        var jonLast = await Change(jon, slug, "a", "Done", at: "2026-06-14T09:00:00Z");
        var gusLast = await Change(gus, slug, "b", "Done", at: "2026-06-15T12:00:00Z");
        await Change(hal, slug, "a", "Done", at: "2026-06-15T12:00:00Z");
        await Recalculated(hal, slug, await Change(hal, slug, "b", "InProgress", at: "2026-06-15T12:00:00Z"));
        await Recalculated(gus, slug, gusLast);
        await Recalculated(ivy, slug, ivyLast);
        await Recalculated(kim, slug, kimLast);
        await Recalculated(jon, slug, jonLast);

        using var anonymous = Client();
        var board = await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=Streak", Ct));

        board.By.Should().Be(LeaderboardOrder.Streak);
        board.Items.Should().Equal(
            new LeaderboardEntryDto(1, "Gus", 66.7, 3),
            new LeaderboardEntryDto(2, "Hal", 33.3, 2),
            new LeaderboardEntryDto(3, "Kim", 33.3, 1));

        // Past Kim's midnight the streak has ended, with no event and no recalculation.
        Factory.Clock.Set(At("2026-06-16T00:30:00Z"));
        var later = await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=Streak", Ct));
        later.Items.Select(i => (i.DisplayName, i.CurrentStreak)).Should().Equal(("Gus", 3), ("Hal", 2));
    }

    [Theory]
    [InlineData("by=Fastest", "by")]
    [InlineData("by=1", "by")]
    [InlineData("by=Completion,Streak", "by")]
    [InlineData("by=Streak&by=Completion", "by")]
    [InlineData("limit=0", "Limit")]
    [InlineData("limit=101", "Limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=99999999999", "limit")]
    public async Task A_wrong_order_or_limit_is_a_validation_problem(string query, string field)
    {
        var slug = await Published();
        using var anonymous = Client();

        var response = await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?{query}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        (await ReadJson(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Should().Contain(name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_order_named_in_another_case_is_read_as_its_name()
    {
        var slug = await Published();
        using var anonymous = Client();

        // As enums in bodies are read: the product's own examples write by=streak.
        (await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=streak", Ct))).By.Should().Be(LeaderboardOrder.Streak);
        (await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=COMPLETION&limit=5", Ct))).By.Should().Be(LeaderboardOrder.Completion);
        (await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=streak&limit=0", Ct)).StatusCode.Should().Be(HttpStatusCode.BadRequest,
            "the other parameters are read as sent");
    }

    [Fact]
    public async Task A_number_given_twice_is_said_to_be_given_twice()
    {
        var slug = await Published();
        using var anonymous = Client();

        var response = await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?limit=1&limit=2", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(response)).GetProperty("errors").GetProperty("limit")[0].GetString().Should().Be("Give this parameter once.");
    }

    [Fact]
    public async Task Unknown_and_draft_roadmaps_have_no_leaderboard_even_for_their_author()
    {
        using var author = await SignIn(Roles.Author);
        var draft = TestDocuments.NewSlug("board-draft");
        (await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(draft), Json, Ct)).EnsureSuccessStatusCode();
        using var anonymous = Client();

        (await anonymous.GetAsync("/api/roadmaps/no-such-roadmap/leaderboard", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/roadmaps/%20/leaderboard", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/roadmaps/{draft}/leaderboard", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await author.Client.GetAsync($"/api/roadmaps/{draft}/leaderboard", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_document_gives_the_order_as_an_enum_and_the_boards_own_limit()
    {
        using var anonymous = Client();
        var document = await ReadJson(await anonymous.GetAsync("/openapi/v1.json", Ct));

        var operation = document.GetProperty("paths").GetProperty("/api/roadmaps/{slug}/leaderboard").GetProperty("get");
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters["limit"].GetProperty("schema").GetProperty("maximum").GetRawText().Should().Be("100");
        var by = parameters["by"].GetProperty("schema");
        var order = by.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : by;
        order.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("Completion", "Streak");
        operation.GetProperty("security").GetArrayLength().Should().Be(0, "anyone may read a leaderboard");

        var next = document.GetProperty("paths").GetProperty("/api/me/roadmaps/{slug}/next").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        next.GetProperty("schema").GetProperty("maximum").GetRawText().Should().Be("50", "other limits keep their own");
    }

    [Fact]
    public async Task A_roadmap_nobody_ranks_on_has_an_empty_board()
    {
        var slug = await Published();
        using var anonymous = Client();

        var board = await Read<LeaderboardDto>(await anonymous.GetAsync($"/api/roadmaps/{slug}/leaderboard?by=Streak&limit=1", Ct));

        board.Should().BeEquivalentTo(new { By = LeaderboardOrder.Streak, Items = Array.Empty<LeaderboardEntryDto>() });
    }
}

public sealed class LeaderboardTests_Sqlite(SqliteApiFactory factory) : LeaderboardTests<SqliteApiFactory>(factory);

public sealed class LeaderboardTests_Postgres(PostgresApiFactory factory) : LeaderboardTests<PostgresApiFactory>(factory);
