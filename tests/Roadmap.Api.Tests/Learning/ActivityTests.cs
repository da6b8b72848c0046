using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Learning;

/// <summary>
/// A learner's activity over HTTP: progress events counted on the local date they happened in the learner's time zone
/// (far east of UTC, across daylight-saving changes), over a range of local dates, across roadmaps, and bad ranges.
/// Events are stamped at chosen instants by setting the service's clock.
/// </summary>
public abstract class ActivityTests<TFactory> : ApiTestBase<TFactory>
    where TFactory : RoadmapApiFactory
{
    protected ActivityTests(TFactory factory)
        : base(factory) =>
        // Each test starts on the real time: signing in issues tokens at the clock's time.
        factory.Clock.Reset();

    [Fact]
    public async Task An_event_counts_on_the_local_date_it_happened_in_the_learners_time_zone()
    {
        var slug = await Published();
        using var east = await Learner("Pacific/Kiritimati");
        using var utc = await Learner("UTC");
        foreach (var who in new[] { east, utc })
        {
            await Change(who, slug, "a", "InProgress", "2026-03-01T09:59:00Z");
            await Change(who, slug, "a", "Done", "2026-03-01T11:00:00Z");
        }

        var inKiritimati = await Activity(east, "?from=2026-03-01&to=2026-03-03");
        var inUtc = await Activity(utc, "?from=2026-03-01&to=2026-03-03");
        var secondOfMarch = await Activity(east, "?from=2026-03-02&to=2026-03-02");

        // UTC+14: 09:59Z is 23:59 on the 1st there, 11:00Z is 01:00 on the 2nd.
        inKiritimati.Should().BeEquivalentTo(new ActivityDto("Pacific/Kiritimati", new(2026, 3, 1), new(2026, 3, 3),
            [new(new(2026, 3, 1), 1, 0), new(new(2026, 3, 2), 1, 1)]));
        inUtc.Should().BeEquivalentTo(new ActivityDto("UTC", new(2026, 3, 1), new(2026, 3, 3), [new(new(2026, 3, 1), 2, 1)]));
        secondOfMarch.Days.Should().Equal([new ActivityDayDto(new(2026, 3, 2), 1, 1)], "the local day began at 10:00Z on the 1st");
    }

    [Fact]
    public async Task Days_follow_daylight_saving_changes_of_the_time_zone()
    {
        var slug = await Published();
        using var learner = await Learner("America/Los_Angeles");

        // 2026-03-08 02:00 PST became 03:00 PDT (UTC-8 → UTC-7); 2026-11-01 02:00 PDT became 01:00 PST.
        await Change(learner, slug, "a", "InProgress", "2026-03-08T07:30:00Z"); // Mar 7, 23:30 PST
        await Change(learner, slug, "a", "Done", "2026-03-08T08:30:00Z"); // Mar 8, 00:30 PST
        await Change(learner, slug, "b", "InProgress", "2026-03-09T06:30:00Z"); // Mar 8, 23:30 PDT
        await Change(learner, slug, "b", "Done", "2026-03-09T07:30:00Z"); // Mar 9, 00:30 PDT (at UTC-8 still the 8th)
        await Change(learner, slug, "c", "InProgress", "2026-11-01T07:30:00Z"); // Nov 1, 00:30 PDT
        await Change(learner, slug, "c", "Done", "2026-11-02T07:30:00Z"); // Nov 1, 23:30 PST (at UTC-7 already the 2nd)
        await Change(learner, slug, "c", "Skipped", "2026-11-02T08:30:00Z"); // Nov 2, 00:30 PST

        var year = await Activity(learner, "?from=2026-01-01&to=2026-12-31");
        var ninthOfMarch = await Activity(learner, "?from=2026-03-09&to=2026-03-09");
        var firstOfNovember = await Activity(learner, "?from=2026-11-01&to=2026-11-01");

        year.TimeZone.Should().Be("America/Los_Angeles");
        year.Days.Should().Equal(
            new ActivityDayDto(new(2026, 3, 7), 1, 0),
            new ActivityDayDto(new(2026, 3, 8), 2, 1),
            new ActivityDayDto(new(2026, 3, 9), 1, 1),
            new ActivityDayDto(new(2026, 11, 1), 2, 1),
            new ActivityDayDto(new(2026, 11, 2), 1, 0));
        ninthOfMarch.Days.Should().Equal([new ActivityDayDto(new(2026, 3, 9), 1, 1)], "the 9th began at 07:00Z, in summer time");
        firstOfNovember.Days.Should().Equal([new ActivityDayDto(new(2026, 11, 1), 2, 1)], "the 1st lasted 25 hours, to 08:00Z on the 2nd");
    }

    [Fact]
    public async Task Done_counts_the_changes_that_moved_a_topic_to_Done_and_days_without_changes_are_left_out()
    {
        var slug = await Published();
        using var learner = await Learner("UTC");

        await Change(learner, slug, "a", "InProgress", "2026-05-04T08:00:00Z");
        await Change(learner, slug, "a", "Done", "2026-05-04T09:00:00Z");
        await Change(learner, slug, "a", "Done", "2026-05-04T10:00:00Z", note: "a note on a topic already Done");
        await Change(learner, slug, "b", "Done", "2026-05-04T11:00:00Z");
        await Change(learner, slug, "c", "Skipped", "2026-05-04T23:59:59Z");
        await Change(learner, slug, "a", "InProgress", "2026-05-07T00:00:00Z");

        var activity = await Activity(learner, "?from=2026-05-01&to=2026-05-31");

        activity.Days.Should().Equal(new ActivityDayDto(new(2026, 5, 4), 5, 2), new ActivityDayDto(new(2026, 5, 7), 1, 0));
    }

    [Fact]
    public async Task Activity_spans_every_roadmap_of_the_learner_left_ones_and_retired_topics_included_but_no_other_learner()
    {
        using var author = await SignIn(Roles.Author);
        var first = await Published(author);
        var second = await Published(author);
        using var learner = await Learner("UTC");
        using var other = await Learner("UTC");
        await Change(learner, first, "c", "Done", "2026-04-01T12:00:00Z");
        await Change(learner, second, "a", "Done", "2026-04-01T13:00:00Z");
        await Change(learner, second, "b", "InProgress", "2026-04-02T13:00:00Z");
        await Change(other, first, "a", "Done", "2026-04-01T12:00:00Z");

        // Leaving a roadmap keeps its history.
        (await learner.Client.DeleteAsync($"/api/me/enrollments/{second}", Ct)).EnsureSuccessStatusCode();

        // Version 2 of the first roadmap retires "c".
        Factory.Clock.Reset();
        var document = TestDocuments.Small(first);
        document = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{first}", document, Json, Ct)).EnsureSuccessStatusCode();

        var activity = await Activity(learner, "?from=2026-04-01&to=2026-04-30");

        activity.Days.Should().Equal(new ActivityDayDto(new(2026, 4, 1), 2, 2), new ActivityDayDto(new(2026, 4, 2), 1, 0));
    }

    [Fact]
    public async Task By_default_the_range_is_the_365_local_days_ending_today()
    {
        var slug = await Published();
        using var learner = await Learner("Pacific/Kiritimati");
        await Change(learner, slug, "a", "InProgress", "2025-06-16T09:59:00Z"); // 2025-06-16 23:59 there: a day too early
        await Change(learner, slug, "a", "Done", "2025-06-16T10:00:00Z"); // 2025-06-17 00:00 there: the first day
        await Change(learner, slug, "b", "Done", "2026-06-15T12:00:00Z"); // 2026-06-16 02:00 there: today

        // Noon UTC on the 15th is already the 16th in Kiritimati.
        Factory.Clock.Set(DateTimeOffset.Parse("2026-06-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var byDefault = await Activity(learner, "");
        var toOnly = await Activity(learner, "?to=2026-06-16");
        var fromOnly = await Activity(learner, "?from=2026-06-16");

        byDefault.Should().BeEquivalentTo(new ActivityDto("Pacific/Kiritimati", new(2025, 6, 17), new(2026, 6, 16),
            [new(new(2025, 6, 17), 1, 1), new(new(2026, 6, 16), 1, 1)]));
        toOnly.Should().BeEquivalentTo(byDefault);
        fromOnly.Should().BeEquivalentTo(new ActivityDto("Pacific/Kiritimati", new(2026, 6, 16), new(2026, 6, 16), [new(new(2026, 6, 16), 1, 1)]));
        (await Activity(learner, "?from=2025-06-16")).From.Should().Be(new DateOnly(2025, 6, 16), "366 days are allowed");
        (await Activity(learner, "?to=1900-03-01")).From.Should().Be(new DateOnly(1900, 1, 1), "the default starts no earlier than a date accepted");
    }

    [Theory]
    [InlineData("?from=2026-03-10&to=2026-03-09", "from")]
    [InlineData("?from=2025-01-01&to=2026-01-02", "from")]
    [InlineData("?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("?from=2026-02-30", "from")]
    [InlineData("?from=2026-3-1", "from")]
    [InlineData("?from=2026-03-01T00:00:00Z", "from")]
    [InlineData("?from=%202026-03-01", "from")]
    [InlineData("?from=", "from")]
    [InlineData("?from=0001-01-01&to=2026-01-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?to=9999-12-31", "to")]
    [InlineData("?from=2026-03-01&from=2026-03-02", "from")]
    [InlineData("?from=2020-01-01", "from")]
    [InlineData("?from=2999-01-01", "from")]
    public async Task A_bad_date_or_range_is_a_400_validation_problem_keyed_by_the_parameter(string query, string parameter)
    {
        using var learner = await Learner("Pacific/Kiritimati");
        Factory.Clock.Set(DateTimeOffset.Parse("2026-06-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var response = await learner.Client.GetAsync($"/api/me/activity{query}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        var problem = await ReadJson(response);
        problem.GetProperty("code").GetString().Should().Be("validation");
        problem.GetProperty("detail").GetString().Should().Be(Error.InvalidFieldsMessage, "as every parameter's mistake, whether or not 'to' was sent");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal(parameter);
    }

    [Theory]
    [InlineData("?from=2026-03-01&from=2026-03-02", "from")]
    [InlineData("?from=2026-03-01&to=2026-03-02&to=2026-03-03", "to")]
    public async Task A_date_given_twice_is_named_as_given_twice(string query, string parameter)
    {
        using var learner = await Learner("UTC");

        var problem = await ReadJson(await learner.Client.GetAsync($"/api/me/activity{query}", Ct));

        problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()).Should().Equal("Give this parameter once.");
    }

    [Fact]
    public async Task The_longest_range_is_366_days_and_the_answer_is_not_stored()
    {
        using var learner = await Learner("UTC");

        var response = await learner.Client.GetAsync("/api/me/activity?from=2024-01-01&to=2024-12-31", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await Read<ActivityDto>(response)).Should().BeEquivalentTo(new ActivityDto("UTC", new(2024, 1, 1), new(2024, 12, 31), []));
    }

    [Fact]
    public async Task Activity_is_for_signed_in_callers()
    {
        using var anonymous = Client();

        var response = await anonymous.GetAsync("/api/me/activity?from=2026-01-01&to=2026-01-31", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>A new Learner whose profile is in <paramref name="timeZone"/>.</summary>
    private async Task<SignedIn> Learner(string timeZone)
    {
        var learner = await SignIn();
        (await learner.Client.PatchAsJsonAsync("/api/me", new { timeZone }, Json, Ct)).EnsureSuccessStatusCode();
        return learner;
    }

    /// <summary>Sets a topic's status (and note) with the service's clock at <paramref name="at"/>: one progress event then.</summary>
    private async Task Change(SignedIn who, string slug, string topic, string status, string at, string? note = null)
    {
        Factory.Clock.Set(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        object body = note is null ? new { status } : new { status, note };
        var response = await who.Client.PutAsJsonAsync($"/api/me/roadmaps/{slug}/progress/{topic}", body, Json, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await Read<TopicProgressUpdateDto>(response)).EventId.Should().NotBeNull("each change appends an event");
    }

    private static async Task<ActivityDto> Activity(SignedIn who, string query)
    {
        var response = await who.Client.GetAsync($"/api/me/activity{query}", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Read<ActivityDto>(response);
    }

    private async Task<string> Published(SignedIn? author = null)
    {
        var slug = TestDocuments.NewSlug("activity");
        using var created = author is null ? await SignIn(Roles.Author) : null;
        var client = (author ?? created!).Client;
        (await client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(slug), Json, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        return slug;
    }
}

public sealed class ActivityTests_Sqlite(SqliteApiFactory factory) : ActivityTests<SqliteApiFactory>(factory);

public sealed class ActivityTests_Postgres(PostgresApiFactory factory) : ActivityTests<PostgresApiFactory>(factory);
