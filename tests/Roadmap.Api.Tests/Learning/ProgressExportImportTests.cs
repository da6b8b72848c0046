using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Roadmap.Api.Learning;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Api.Tests.Learning;

/// <summary>
/// Progress as a document over HTTP: exporting the touched topics, importing them into another account, importing
/// twice, older and newer changes, unknown, renamed and retired topics, another roadmap's document and bad input.
/// </summary>
public abstract class ProgressExportImportTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{

    [Fact]
    public async Task Export_gives_the_touched_live_topics_in_roadmap_order_with_id_slug_status_note_and_time()
    {
        var slug = await Published();
        using var learner = await SignIn();
        (await Put(learner, slug, "c", new { status = "InProgress", note = "reading" })).EnsureSuccessStatusCode();
        (await Put(learner, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        var response = await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/progress/export", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonSerializer.Deserialize<JsonElement>(body);
        json.EnumerateObject().Select(p => p.Name).Should().Equal("format", "roadmap", "roadmapVersion", "exportedAt", "topics");
        json.GetProperty("topics")[0].EnumerateObject().Select(p => p.Name).Should().Equal("topicId", "topic", "status", "note", "updatedAt");
        var document = JsonSerializer.Deserialize<ProgressDocument>(body, Json)!;
        var listing = (await Progress(learner, slug)).Topics;
        document.Should().BeEquivalentTo(new { Format = "roadmap-progress/1", Roadmap = slug, RoadmapVersion = 1 });
        document.ExportedAt.Should().BeOnOrAfter(before);
        document.Topics.Should().BeEquivalentTo(
            listing.Where(t => t.Version > 0).Select(t => new { t.TopicId, t.Topic, Status = (ProgressStatus?)t.Status, t.Note, t.UpdatedAt }),
            o => o.WithStrictOrdering(),
            "touched topics only (b never was), in roadmap order");
        document.Topics.Select(t => t.Topic).Should().Equal("a", "c");

        using var fresh = await SignIn();
        (await Export(fresh, slug)).Topics.Should().BeEmpty("nothing touched, nothing exported");
        await ShouldBeProblem(await fresh.Client.GetAsync("/api/me/roadmaps/no-such-roadmap/progress/export", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_then_import_into_another_account_reproduces_the_progress_recorded_at_the_time_of_the_import()
    {
        var slug = await Published();
        using var first = await SignIn();
        (await Put(first, slug, "a", new { status = "Done", note = "easy" })).EnsureSuccessStatusCode();
        (await Put(first, slug, "b", new { status = "InProgress" })).EnsureSuccessStatusCode();
        (await Put(first, slug, "b", new { status = "Skipped" })).EnsureSuccessStatusCode();
        var document = await Export(first, slug);
        using var second = await SignIn();
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        var response = await Import(second, slug, document);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await Read<ProgressImportResultDto>(response)).Should().BeEquivalentTo(new ProgressImportResultDto(2, 0, []));
        var progress = (await Progress(second, slug)).Topics;
        progress.Select(t => (t.Topic, t.Status, t.Note, t.Version)).Should().Equal(
            ("a", ProgressStatus.Done, "easy", 1), ("b", ProgressStatus.Skipped, null, 1), ("c", ProgressStatus.NotStarted, null, 0));
        var events = (await Events(second, slug)).Items;
        events.Select(e => (e.Topic, e.From, e.To)).Should().BeEquivalentTo(new[]
        {
            ("a", ProgressStatus.NotStarted, ProgressStatus.Done), ("b", ProgressStatus.NotStarted, ProgressStatus.Skipped),
        });
        events.Should().OnlyContain(e => e.OccurredAt >= before, "history is stamped with the time of the import");
        events.Should().OnlyContain(e => document.Topics!.All(t => t.UpdatedAt < e.OccurredAt), "not with the document's times");
        progress.Where(t => t.Version > 0).Should().OnlyContain(t => events.Any(e => e.TopicId == t.TopicId && e.OccurredAt == t.UpdatedAt));
        var enrollments = await Read<PagedList<EnrollmentListItemDto>>(await second.Client.GetAsync("/api/me/enrollments", Ct));
        enrollments.Items.Should().ContainSingle("importing follows the roadmap").Which.Should().BeEquivalentTo(new
        {
            RoadmapSlug = slug, LastActivityAt = progress[0].UpdatedAt,
        });
    }

    [Fact]
    public async Task Importing_twice_changes_nothing_the_second_time_and_appends_no_event()
    {
        var slug = await Published();
        using var first = await SignIn();
        (await Put(first, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        (await Put(first, slug, "c", new { status = "InProgress", note = "later" })).EnsureSuccessStatusCode();
        var document = await Export(first, slug);
        using var second = await SignIn();

        var once = await Read<ProgressImportResultDto>((await Import(second, slug, document)).EnsureSuccessStatusCode());
        var progressAfterOnce = await Progress(second, slug);
        var twice = await Read<ProgressImportResultDto>((await Import(second, slug, document)).EnsureSuccessStatusCode());
        var own = await Read<ProgressImportResultDto>((await Import(first, slug, document)).EnsureSuccessStatusCode());

        once.Should().BeEquivalentTo(new ProgressImportResultDto(2, 0, []));
        twice.Should().BeEquivalentTo(new ProgressImportResultDto(0, 2, []));
        own.Should().BeEquivalentTo(new ProgressImportResultDto(0, 2, []), "a learner's own export is what they have");
        (await Progress(second, slug)).Should().BeEquivalentTo(progressAfterOnce);
        (await Events(second, slug)).TotalCount.Should().Be(2);
        (await Events(first, slug)).TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task A_change_older_than_the_stored_progress_is_left_alone_and_a_newer_one_applies()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var stored = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "a", new { status = "Skipped", note = "mine" }));
        var storedAt = stored.UpdatedAt!.Value;

        var older = await Read<ProgressImportResultDto>((await Import(learner, slug, Document(slug,
            Topic("a", ProgressStatus.Done, storedAt.AddDays(-1)),
            Topic("b", ProgressStatus.InProgress, storedAt.AddDays(-1))))).EnsureSuccessStatusCode());
        var same = await Read<ProgressImportResultDto>((await Import(learner, slug, Document(slug,
            Topic("a", ProgressStatus.Done, storedAt)))).EnsureSuccessStatusCode());
        var afterOlder = (await Progress(learner, slug)).Topics;
        var newer = await Read<ProgressImportResultDto>((await Import(learner, slug, Document(slug,
            Topic("a", ProgressStatus.Done, storedAt.AddSeconds(1))))).EnsureSuccessStatusCode());

        older.Should().BeEquivalentTo(new ProgressImportResultDto(1, 1, []), "b was never touched here, so any change is newer");
        same.Should().BeEquivalentTo(new ProgressImportResultDto(0, 1, []), "a change of the same time is not newer");
        afterOlder[0].Should().BeEquivalentTo(new { Status = ProgressStatus.Skipped, Note = "mine", Version = 1 });
        afterOlder[1].Should().BeEquivalentTo(new { Status = ProgressStatus.InProgress, Version = 1 });
        newer.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, []));
        (await Progress(learner, slug)).Topics[0].Should().BeEquivalentTo(new { Status = ProgressStatus.Done, Note = (string?)null, Version = 2 });
        (await Events(learner, slug)).Items[0].Should().BeEquivalentTo(new { Topic = "a", From = ProgressStatus.Skipped, To = ProgressStatus.Done });
    }

    [Fact]
    public async Task A_document_dated_a_little_ahead_of_the_server_does_not_undo_a_later_change_when_imported_again()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var ahead = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(50).ToUnixTimeMilliseconds());
        var document = Document(slug, Topic("a", ProgressStatus.Done, ahead.AddTicks(1234).ToOffset(TimeSpan.FromHours(2))));

        var first = await Read<ProgressImportResultDto>((await Import(learner, slug, document)).EnsureSuccessStatusCode());
        var imported = (await Progress(learner, slug)).Topics[0];
        (await Put(learner, slug, "a", new { status = "InProgress", note = "reopened later" })).EnsureSuccessStatusCode();
        var again = await Read<ProgressImportResultDto>((await Import(learner, slug, document)).EnsureSuccessStatusCode());

        first.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, []));
        imported.UpdatedAt.Should().Be(ahead,
            "the change is as recent as the document says (within the clock tolerance), in UTC and to the millisecond as times are kept");
        again.Should().BeEquivalentTo(new ProgressImportResultDto(0, 1, []), "the change made here after the import is kept");
        (await Progress(learner, slug)).Topics[0].Should().BeEquivalentTo(new { Status = ProgressStatus.InProgress, Note = "reopened later", Version = 2 });
        (await Events(learner, slug)).TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task Unknown_topics_are_reported_as_named_and_the_rest_is_imported()
    {
        var slug = await Published();
        using var learner = await SignIn();

        var response = await Import(learner, slug, Document(slug,
            Topic("no-such-topic", ProgressStatus.Done, Yesterday),
            Topic("a", ProgressStatus.Done, Yesterday),
            Topic("gone", ProgressStatus.Skipped, Yesterday, topicId: Guid.NewGuid())));

        (await Read<ProgressImportResultDto>(response)).Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, ["no-such-topic", "gone"]));
        (await Progress(learner, slug)).Topics.Select(t => t.Version).Should().Equal(1, 0, 0);
    }

    [Fact]
    public async Task After_a_new_version_a_renamed_topic_is_found_by_id_or_former_slug_and_a_retired_one_is_unknown_and_not_exported()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author);
        using var first = await SignIn();
        (await Put(first, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        (await Put(first, slug, "c", new { status = "InProgress" })).EnsureSuccessStatusCode();
        var version1 = await Export(first, slug);

        // Version 2: "a" is renamed "first" (a former slug keeps it), "c" is removed (retired), "d" is new.
        var roadmap = TestDocuments.Small(slug).WithTopics(0, TestDocuments.Topic("first", formerSlugs: ["a"]), TestDocuments.Topic("b", prerequisites: ["first"]));
        roadmap = roadmap with { Sections = [roadmap.Sections[0], roadmap.Sections[1] with { Topics = [TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", roadmap, Json, Ct)).EnsureSuccessStatusCode();

        var version2 = await Export(first, slug);
        version2.RoadmapVersion.Should().Be(2);
        version2.Topics.Should().ContainSingle("the retired topic's progress is kept but not exported, as in the listing")
            .Which.Should().BeEquivalentTo(new { version1.Topics![0].TopicId, Topic = "first", Status = ProgressStatus.Done });

        using var byId = await SignIn();
        using var byFormerSlug = await SignIn();
        var withIds = await Read<ProgressImportResultDto>((await Import(byId, slug, version1)).EnsureSuccessStatusCode());
        var withSlugs = await Read<ProgressImportResultDto>((await Import(byFormerSlug, slug,
            version1 with { Topics = [.. version1.Topics!.Select(t => t with { TopicId = null })] })).EnsureSuccessStatusCode());

        withIds.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, ["c"]));
        withSlugs.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, ["c"]));
        foreach (var learner in new[] { byId, byFormerSlug })
        {
            (await Progress(learner, slug)).Topics.Select(t => (t.Topic, t.Status)).Should().Equal(
                ("first", ProgressStatus.Done), ("b", ProgressStatus.NotStarted), ("d", ProgressStatus.NotStarted));
            (await Events(learner, slug)).Items.Should().ContainSingle().Which.Topic.Should().Be("first", "the event has the slug of now");
        }
    }

    [Fact]
    public async Task A_document_of_another_roadmap_is_a_422_problem_and_changes_nothing()
    {
        var slug = await Published();
        var other = await Published();
        using var learner = await SignIn();
        (await Put(learner, other, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        var document = await Export(learner, other);
        using var second = await SignIn();

        await ShouldBeProblem(await Import(second, slug, document), HttpStatusCode.UnprocessableEntity, "learning.other_roadmap", field: "roadmap");

        (await Progress(second, slug)).Topics.Should().OnlyContain(t => t.Version == 0);
        (await Read<PagedList<EnrollmentListItemDto>>(await second.Client.GetAsync("/api/me/enrollments", Ct))).Items.Should().BeEmpty();
        await ShouldBeProblem(await Import(second, "no-such-roadmap", document with { Roadmap = "no-such-roadmap" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}""", null)]
    [InlineData("""{"format":"roadmap-progress/2","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}]}""", "format")]
    [InlineData("""{"roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}]}""", "format")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG"}""", "topics")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"},{"topic":"b","status":"Finished","updatedAt":"2026-01-01T00:00:00Z"}]}""", null)]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":2,"updatedAt":"2026-01-01T00:00:00Z"}]}""", null)]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done"}]}""", "topics[0].updatedAt")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00"}]}""", "topics[0].updatedAt")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01"}]}""", "topics[0].updatedAt")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T10:00:00+01","note":"LONG"}]}""", "topics[0].note")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2100-01-01T00:00:00Z"}]}""", "topics[0].updatedAt")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","note":"LONG","updatedAt":"2026-01-01T00:00:00Z"}]}""", "topics[0].note")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z","done":true}]}""", null)]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}]}""", "topics[0].topic")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[null]}""", "topics[0]")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"b","status":"Done","updatedAt":"2026-01-01T00:00:00Z"},{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"},{"topic":"a","status":"Skipped","updatedAt":"2026-01-02T00:00:00Z"}]}""", "topics[2].topic")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topicId":"A-ID","topic":"c","status":"Done","updatedAt":"2026-01-01T00:00:00Z"},{"topic":"a","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}]}""", "topics[1].topic")]
    [InlineData("""{"format":"roadmap-progress/1","roadmap":"SLUG","topics":[{"topic":"gone","status":"Done","updatedAt":"2026-01-01T00:00:00Z"},{"topic":"gone","status":"Done","updatedAt":"2026-01-01T00:00:00Z"}]}""", "topics[1].topic")]
    public async Task A_bad_document_is_a_400_problem_and_changes_nothing(string body, string? field)
    {
        var slug = await Published();
        using var learner = await SignIn();
        var aId = (await Progress(learner, slug)).Topics.Single(t => t.Topic == "a").TopicId;
        var json = body.Replace("SLUG", slug, StringComparison.Ordinal).Replace("A-ID", aId.ToString(), StringComparison.Ordinal)
            .Replace("LONG", new string('x', LearningLimits.NoteMaxLength + 1), StringComparison.Ordinal);

        await ShouldBeProblem(await Raw(learner, $"/api/me/roadmaps/{slug}/progress/import", json), HttpStatusCode.BadRequest, field: field);

        await ShouldHaveChangedNothing(learner, slug);
    }

    [Fact]
    public async Task More_topics_than_a_roadmap_may_have_are_refused_and_a_body_over_the_limit_is_a_413()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var topics = Enumerable.Range(0, ImportProgressCommand.MaxTopics + 1).Select(i => Topic($"t{i}", ProgressStatus.Done, Yesterday)).ToArray();

        await ShouldBeProblem(await Import(learner, slug, Document(slug, topics)), HttpStatusCode.BadRequest, field: "topics");
        var huge = new string(' ', (int)ProgressEndpoints.ImportSizeLimit + 1);
        (await Raw(learner, $"/api/me/roadmaps/{slug}/progress/import", huge)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);

        await ShouldHaveChangedNothing(learner, slug);
    }

    [Fact]
    public async Task Export_and_import_are_for_signed_in_callers()
    {
        var slug = await Published();
        using var anonymous = Client();

        (await anonymous.GetAsync($"/api/me/roadmaps/{slug}/progress/export", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync($"/api/me/roadmaps/{slug}/progress/import", Document(slug), Json, Ct)).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);
    }

    private static DateTimeOffset Yesterday => DateTimeOffset.UtcNow.AddDays(-1);

    private static ProgressDocument Document(string slug, params ProgressTopicDocument[] topics) => new()
    {
        Format = ProgressDocument.CurrentFormat,
        Roadmap = slug,
        Topics = topics,
    };

    private static ProgressTopicDocument Topic(string topic, ProgressStatus status, DateTimeOffset updatedAt, Guid? topicId = null) =>
        new() { TopicId = topicId, Topic = topic, Status = status, UpdatedAt = updatedAt };

    private async Task ShouldHaveChangedNothing(SignedIn learner, string slug)
    {
        (await Progress(learner, slug)).Topics.Should().OnlyContain(t => t.Version == 0);
        (await Events(learner, slug)).TotalCount.Should().Be(0);
        (await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct))).Items.Should().BeEmpty();
    }

    private async Task<string> Published(SignedIn? author = null)
    {
        var slug = TestDocuments.NewSlug("export");
        using var created = author is null ? await SignIn(Roles.Author) : null;
        var client = (author ?? created!).Client;
        (await client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(slug), Json, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        return slug;
    }

    private static async Task<ProgressDocument> Export(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/progress/export", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Read<ProgressDocument>(response);
    }

    private static Task<HttpResponseMessage> Import(SignedIn who, string slug, ProgressDocument document) =>
        who.Client.PostAsJsonAsync($"/api/me/roadmaps/{slug}/progress/import", document, Json, Ct);

    private static async Task<RoadmapProgressDto> Progress(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/progress", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Read<RoadmapProgressDto>(response);
    }

    private static async Task<PagedList<ProgressEventDto>> Events(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/events?pageSize=100", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Read<PagedList<ProgressEventDto>>(response);
    }

    private static Task<HttpResponseMessage> Put(SignedIn who, string slug, string topic, object body) =>
        who.Client.PutAsJsonAsync($"/api/me/roadmaps/{slug}/progress/{topic}", body, Json, Ct);

    private static Task<HttpResponseMessage> Raw(SignedIn who, string path, string json) =>
        who.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Ct);
}

public sealed class ProgressExportImportTests_Sqlite(SqliteApiFactory factory) : ProgressExportImportTests<SqliteApiFactory>(factory);

public sealed class ProgressExportImportTests_Postgres(PostgresApiFactory factory) : ProgressExportImportTests<PostgresApiFactory>(factory);
