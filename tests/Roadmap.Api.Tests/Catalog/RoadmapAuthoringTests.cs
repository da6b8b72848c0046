using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Roadmap.Api.Catalog;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Paging;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Catalog;

/// <summary>
/// Authoring over HTTP: drafts, publishing, versions, renames, export/import, archiving, refusal of bad documents
/// (each fault named by its JSON path, nothing changed) and who may call the authoring routes.
/// </summary>
public abstract class RoadmapAuthoringTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    /// <summary>The fault's path is not fixed (malformed JSON): any named path will do.</summary>
    private const string AnyPath = "*";

    [Fact]
    public async Task A_draft_is_seen_by_authors_and_admins_and_is_missing_for_everyone_else()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug("draft"));
        using var author = await SignIn(Roles.Author);
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();
        using var anonymous = Client();

        var created = await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.Should().Be($"/api/roadmaps/{document.Slug}");
        var result = await Read<ImportRoadmapResult>(created);
        result.Should().BeEquivalentTo(new { document.Slug, Created = true, Status = RoadmapStatus.Draft, Version = 0 });
        result.Changes.SectionsAdded.Should().Be(2);
        result.Changes.TopicsAdded.Should().Be(3);

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("a learner", learner.Client) })
        {
            await ShouldBeProblem(await client.GetAsync($"/api/roadmaps/{document.Slug}", Ct), HttpStatusCode.NotFound, $"{who} must not learn that the draft exists");
            await ShouldBeProblem(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/a", Ct), HttpStatusCode.NotFound, $"{who} must not learn that the draft exists");
        }

        foreach (var client in new[] { author.Client, admin.Client })
        {
            var roadmap = await client.GetAsync($"/api/roadmaps/{document.Slug}", Ct);
            roadmap.StatusCode.Should().Be(HttpStatusCode.OK);
            (await Read<RoadmapDto>(roadmap)).Status.Should().Be(RoadmapStatus.Draft);
            var topic = await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/a", Ct);
            topic.StatusCode.Should().Be(HttpStatusCode.OK);
            (await Read<TopicDetailsDto>(topic)).Topic.Slug.Should().Be("a");
        }

        (await ListSlugs(author.Client, "?status=Draft&pageSize=100")).Should().Contain(document.Slug);
        (await ListSlugs(admin.Client, "?status=Draft&pageSize=100")).Should().Contain(document.Slug);
        await ShouldBeProblem(await learner.Client.GetAsync("/api/roadmaps?status=Draft", Ct), HttpStatusCode.Forbidden);
        var anonymousDrafts = await anonymous.GetAsync("/api/roadmaps?status=Draft", Ct);
        await ShouldBeProblem(anonymousDrafts, HttpStatusCode.Unauthorized);
        anonymousDrafts.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer", "a 401 carries its challenge");
        (await ListSlugs(anonymous, "?pageSize=100")).Should().NotContain(document.Slug);
        (await ListSlugs(author.Client, "?pageSize=100")).Should().NotContain(document.Slug, "the default list is of published roadmaps");
    }

    [Fact]
    public async Task Creating_a_roadmap_whose_slug_is_taken_is_a_conflict_and_changes_nothing()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await Export(author.Client, document.Slug);

        var again = await author.Client.PostAsJsonAsync("/api/roadmaps", document with { Title = "Another title" }, Json, Ct);

        await ShouldBeProblem(again, HttpStatusCode.Conflict);
        (await Export(author.Client, document.Slug)).Should().Be(before);
    }

    [Fact]
    public async Task Publishing_makes_version_1_public_and_later_changes_make_new_versions_that_anonymous_reads_see()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        using var anonymous = Client();
        (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        await ShouldBeProblem(await anonymous.GetAsync($"/api/roadmaps/{document.Slug}", Ct), HttpStatusCode.NotFound);

        var published = await author.Client.PostAsync($"/api/roadmaps/{document.Slug}/publish", null, Ct);

        published.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Read<RoadmapStateDto>(published)).Should().Be(new RoadmapStateDto(document.Slug, RoadmapStatus.Published, 1));
        (await ReadRoadmap(anonymous, document.Slug)).Version.Should().Be(1);
        var cached = await anonymous.GetAsync($"/api/roadmaps/{document.Slug}", Ct);
        cached.Headers.Age.Should().NotBeNull("the repeat read comes from the output cache");
        (await Read<RoadmapDto>(cached)).Version.Should().Be(1);
        (await ListSlugs(anonymous, "?pageSize=100")).Should().Contain(document.Slug);

        await ShouldBeProblem(await author.Client.PostAsync($"/api/roadmaps/{document.Slug}/publish", null, Ct), HttpStatusCode.Conflict);

        var changed = document.WithTopics(1, TestDocuments.Topic("c", ["b"]) with { EstimatedMinutes = 90 });
        var updated = await Put(author.Client, changed);

        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var update = await Read<ImportRoadmapResult>(updated);
        update.Should().BeEquivalentTo(new { document.Slug, Created = false, Status = RoadmapStatus.Published, Version = 2 });
        update.Changes.TopicsUpdated.Should().Be(1);
        var afterChange = await ReadRoadmap(anonymous, document.Slug);
        afterChange.Version.Should().Be(2, "the cached version 1 was dropped when the roadmap changed");
        afterChange.Sections[1].Topics.Single().EstimatedMinutes.Should().Be(90);

        var repeated = await Put(author.Client, changed);

        repeated.StatusCode.Should().Be(HttpStatusCode.OK);
        var repeat = await Read<ImportRoadmapResult>(repeated);
        repeat.Version.Should().Be(2);
        repeat.Changes.Should().Be(RoadmapChangesDto.None);
        (await ReadRoadmap(anonymous, document.Slug)).Version.Should().Be(2);
    }

    [Fact]
    public async Task A_rename_through_former_slugs_keeps_the_topic_id()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        using var anonymous = Client();
        await CreatePublished(author.Client, document);
        var original = (await ReadRoadmap(anonymous, document.Slug)).Sections[1].Topics.Single();

        var renamed = await Put(author.Client, document.WithTopics(1, TestDocuments.Topic("c-renamed", ["b"], formerSlugs: ["c"])));

        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await Read<ImportRoadmapResult>(renamed);
        result.Changes.TopicsAdded.Should().Be(0);
        result.Changes.TopicsRetired.Should().Be(0);
        result.Changes.TopicsUpdated.Should().Be(1);
        var topic = (await ReadRoadmap(anonymous, document.Slug)).Sections[1].Topics.Single();
        topic.Slug.Should().Be("c-renamed");
        topic.Id.Should().Be(original.Id);
        topic.FormerSlugs.Should().Equal("c");
    }

    [Fact]
    public async Task Putting_a_document_to_a_new_slug_creates_a_draft()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);

        var response = await Put(author.Client, document);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/roadmaps/{document.Slug}");
        (await Read<ImportRoadmapResult>(response)).Should().BeEquivalentTo(new { document.Slug, Created = true, Status = RoadmapStatus.Draft, Version = 0 });
        (await Read<RoadmapDto>(await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct))).Status.Should().Be(RoadmapStatus.Draft);
    }

    [Fact]
    public async Task A_title_is_measured_in_characters_so_the_longest_title_in_emoji_is_kept()
    {
        // 200 characters, 400 UTF-16 units: what the OpenAPI document and the roadmap document's schema accept.
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", CatalogLimits.TitleMaxLength));
        var document = TestDocuments.Small(TestDocuments.NewSlug()) with { Title = longest };
        using var author = await SignIn(Roles.Author);

        var tooLong = await Put(author.Client, document with { Title = longest + "\U0001F600" });
        var kept = await Put(author.Client, document);

        var problem = await ShouldBeProblem(tooLong, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("title").EnumerateArray().Select(m => m.GetString()).Should().Equal(
            $"The length of 'title' must be {CatalogLimits.TitleMaxLength} characters or fewer. You entered {CatalogLimits.TitleMaxLength + 1} characters.");
        kept.StatusCode.Should().Be(HttpStatusCode.Created, await kept.Content.ReadAsStringAsync(Ct));
        (await ReadRoadmap(author.Client, document.Slug)).Title.Should().Be(longest);
    }

    [Fact]
    public async Task Putting_a_document_whose_slug_is_not_the_url_slug_is_refused_at_slug()
    {
        var urlSlug = TestDocuments.NewSlug();
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);

        var response = await author.Client.PutAsJsonAsync($"/api/roadmaps/{urlSlug}", document, Json, Ct);

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        ErrorKeys(problem).Should().Equal("slug");
        await ShouldBeProblem(await author.Client.GetAsync($"/api/roadmaps/{urlSlug}", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_gives_back_the_document_and_putting_it_back_changes_nothing()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);

        var exported = await author.Client.GetAsync($"/api/roadmaps/{document.Slug}/export", Ct);

        exported.StatusCode.Should().Be(HttpStatusCode.OK);
        var exportedDocument = await Read<RoadmapDocument>(exported);
        JsonSerializer.Serialize(exportedDocument, Json).Should().Be(JsonSerializer.Serialize(document, Json));

        var reimported = await Put(author.Client, exportedDocument);

        reimported.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await Read<ImportRoadmapResult>(reimported);
        result.Changes.Should().Be(RoadmapChangesDto.None);
        result.Version.Should().Be(1);
        (await ReadRoadmap(author.Client, document.Slug)).Version.Should().Be(1);
    }

    [Fact]
    public async Task Archiving_takes_a_roadmap_out_of_the_published_list()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        using var anonymous = Client();
        await CreatePublished(author.Client, document);
        (await ListSlugs(anonymous, "?pageSize=100")).Should().Contain(document.Slug);

        var archived = await author.Client.PostAsync($"/api/roadmaps/{document.Slug}/archive", null, Ct);

        archived.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Read<RoadmapStateDto>(archived)).Should().Be(new RoadmapStateDto(document.Slug, RoadmapStatus.Archived, 1));
        (await ListSlugs(anonymous, "?pageSize=100")).Should().NotContain(document.Slug);
        (await ListSlugs(anonymous, "?status=Archived&pageSize=100")).Should().Contain(document.Slug);
        await ShouldBeProblem(await author.Client.PostAsync($"/api/roadmaps/{document.Slug}/archive", null, Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_update_with_a_stale_If_Match_is_412_and_changes_nothing_and_one_naming_the_current_revision_among_others_applies()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);
        var read = await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct);
        var etag = read.Headers.ETag!.Tag;
        (await Put(author.Client, document with { Title = "Changed by someone else" })).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(document with { Title = "Mine" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await author.Client.SendAsync(stale, Ct);
        var current = (await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct)).Headers.ETag!.Tag;
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(document with { Title = "Mine" }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", $"{etag}, {current}");
        var accepted = await author.Client.SendAsync(fresh, Ct);

        await ShouldBeProblem(refused, HttpStatusCode.PreconditionFailed);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadRoadmap(author.Client, document.Slug)).Title.Should().Be("Mine");
    }

    [Fact]
    public async Task An_update_with_an_If_Match_that_is_not_a_quoted_tag_is_a_400_problem_and_changes_nothing()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);
        var etag = (await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct)).Headers.ETag!.Tag;

        using var unquoted = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(document with { Title = "Mine" }) };
        unquoted.Headers.TryAddWithoutValidation("If-Match", etag.Trim('"'));
        var refused = await author.Client.SendAsync(unquoted, Ct);

        (await ShouldBeProblem(refused, HttpStatusCode.BadRequest, "a version without its quotes is a mistake, not a stale tag"))
            .GetProperty("errors").GetProperty("If-Match").GetArrayLength().Should().Be(1);
        using var starInList = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(document with { Title = "Mine" }) };
        starInList.Headers.TryAddWithoutValidation("If-Match", $"\"{document.Slug}.0\", *");
        await ShouldBeProblem(await author.Client.SendAsync(starInList, Ct), HttpStatusCode.BadRequest, "* stands alone: in a list it would turn the stale tag's check off");
        (await ReadRoadmap(author.Client, document.Slug)).Title.Should().Be(document.Title);
    }

    [Fact]
    public async Task Of_parallel_updates_with_the_same_If_Match_one_applies_and_the_rest_are_412_and_without_it_all_apply()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);
        var etag = (await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct)).Headers.ETag!.Tag;

        var guarded = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(document with { Title = $"Guarded {i}" }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return (await author.Client.SendAsync(request, Ct)).StatusCode;
        }));
        var unguarded = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            (await Put(author.Client, document with { Title = $"Unguarded {i}" })).StatusCode));

        guarded.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        guarded.Where(s => s != HttpStatusCode.OK).Should().OnlyContain(s => s == HttpStatusCode.PreconditionFailed, "a writer that lost the race is checked again (never a 409)");
        unguarded.Should().OnlyContain(s => s == HttpStatusCode.OK, "each applies over the last, one after another");
    }

    [Fact]
    public async Task Publishing_and_archiving_racing_updates_run_again_rather_than_answer_409()
    {
        using var author = await SignIn(Roles.Author);
        var documents = Enumerable.Range(0, 6).Select(_ => TestDocuments.Small(TestDocuments.NewSlug())).ToList();
        foreach (var document in documents)
        {
            (await Put(author.Client, document)).EnsureSuccessStatusCode();
        }

        var published = await Task.WhenAll(documents.Select(async document =>
        {
            var updates = Enumerable.Range(0, 3).Select(async i => (await Put(author.Client, document with { Title = $"Draft {i}" })).StatusCode);
            var publish = author.Client.PostAsync($"/api/roadmaps/{document.Slug}/publish", null, Ct);
            await Task.WhenAll(updates);
            return (await publish).StatusCode;
        }));
        var archived = await Task.WhenAll(documents.Select(async document =>
        {
            var updates = Enumerable.Range(0, 3).Select(async i => (await Put(author.Client, document with { Title = $"Published {i}" })).StatusCode);
            var archive = author.Client.PostAsync($"/api/roadmaps/{document.Slug}/archive", null, Ct);
            await Task.WhenAll(updates);
            return (await archive).StatusCode;
        }));

        published.Should().OnlyContain(s => s == HttpStatusCode.OK, "a publish that lost a race to an update runs again on what the update left");
        archived.Should().OnlyContain(s => s == HttpStatusCode.OK, "so does an archive");
    }

    [Fact]
    public async Task The_export_carries_the_ETag_to_send_back_as_If_Match()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);
        var export = await author.Client.GetAsync($"/api/roadmaps/{document.Slug}/export", Ct);
        var etag = export.Headers.ETag!.Tag;
        var edited = await Read<RoadmapDocument>(export) with { Title = "Edited after export" };
        (await Put(author.Client, document with { Title = "Someone else's change" })).StatusCode.Should().Be(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/roadmaps/{document.Slug}") { Content = Body(edited) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await author.Client.SendAsync(request, Ct);
        var repeat = await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct);

        await ShouldBeProblem(refused, HttpStatusCode.PreconditionFailed);
        repeat.Headers.Age.Should().BeNull("authors always read the current state");
        repeat.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await Read<RoadmapDto>(repeat)).Title.Should().Be("Someone else's change");
    }

    [Fact]
    public async Task The_export_leaves_out_absent_descriptions_so_it_stays_valid_against_the_schema()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, document);

        var export = await Export(author.Client, document.Slug);

        export.Should().NotContain("null");
    }

    [Fact]
    public async Task Archiving_a_draft_is_refused_so_the_draft_stays_invisible()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        using var anonymous = Client();
        (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);

        await ShouldBeProblem(await author.Client.PostAsync($"/api/roadmaps/{document.Slug}/archive", null, Ct), HttpStatusCode.Conflict);

        await ShouldBeProblem(await anonymous.GetAsync($"/api/roadmaps/{document.Slug}", Ct), HttpStatusCode.NotFound);
        (await ListSlugs(anonymous, "?status=Archived&pageSize=100")).Should().NotContain(document.Slug);
    }

    /// <summary>Every fault, sent as an update (PUT of the existing roadmap) and as a creation (POST of a new slug).</summary>
    public static TheoryData<string, string, HttpStatusCode, string> BadDocuments { get; } = BadDocumentCases();

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_bad_document_gets_problem_details_naming_the_fault_and_changes_nothing(
        string method, string fault, HttpStatusCode expected, string errorPath)
    {
        var existing = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        await CreatePublished(author.Client, existing);
        var before = await Export(author.Client, existing.Slug);
        var target = method == "PUT" ? existing : existing with { Slug = TestDocuments.NewSlug() };
        var url = method == "PUT" ? $"/api/roadmaps/{target.Slug}" : "/api/roadmaps";
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BadBody(fault, target) };

        var response = await author.Client.SendAsync(request, Ct);

        var problem = await ShouldBeProblem(response, expected, fault);
        if (errorPath == AnyPath)
        {
            ErrorKeys(problem).Should().NotBeEmpty("the problem says where the body went wrong");
        }
        else if (errorPath.Length > 0)
        {
            ErrorKeys(problem).Should().Equal([errorPath], "each fault is named by its JSON path");
        }

        if (fault == "cycle")
        {
            problem.GetProperty("detail").GetString().Should().Contain("a → b → a");
            problem.GetProperty("errors").GetProperty(errorPath).EnumerateArray().Select(m => m.GetString())
                .Should().Contain(m => m!.Contains("a → b → a", StringComparison.Ordinal));
        }

        if (fault == "null prerequisites")
        {
            problem.GetProperty("errors").GetProperty(errorPath)[0].GetString().Should().Contain("may be empty", "an optional list is left out, not null");
        }

        (await Export(author.Client, existing.Slug)).Should().Be(before, "a refused document changes nothing");
        (await ReadRoadmap(author.Client, existing.Slug)).Version.Should().Be(1);
        if (method == "POST")
        {
            await ShouldBeProblem(await author.Client.GetAsync($"/api/roadmaps/{target.Slug}", Ct), HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("POST", "/api/roadmaps", HttpStatusCode.Created)]
    [InlineData("PUT", "/api/roadmaps/{slug}", HttpStatusCode.Created)]
    [InlineData("GET", "/api/roadmaps/{slug}/export", HttpStatusCode.OK)]
    [InlineData("POST", "/api/roadmaps/{slug}/publish", HttpStatusCode.OK)]
    [InlineData("POST", "/api/roadmaps/{slug}/archive", HttpStatusCode.Conflict)] // allowed, but a draft cannot be archived
    public async Task Authoring_routes_are_refused_to_anonymous_clients_and_learners_and_allowed_to_authors(
        string method, string route, HttpStatusCode asAuthor)
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        using var author = await SignIn(Roles.Author);
        using var learner = await SignIn();
        using var anonymous = Client();
        var sendsADocument = route is "/api/roadmaps" or "/api/roadmaps/{slug}";
        if (!sendsADocument)
        {
            (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        HttpRequestMessage Request() => new(new HttpMethod(method), route.Replace("{slug}", document.Slug, StringComparison.Ordinal))
        {
            Content = sendsADocument ? JsonContent.Create(document, options: Json) : null,
        };

        using (var request = Request())
        {
            await ShouldBeProblem(await anonymous.SendAsync(request, Ct), HttpStatusCode.Unauthorized);
        }

        using (var request = Request())
        {
            await ShouldBeProblem(await learner.Client.SendAsync(request, Ct), HttpStatusCode.Forbidden);
        }

        var state = await author.Client.GetAsync($"/api/roadmaps/{document.Slug}", Ct);
        if (sendsADocument)
        {
            state.StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused request creates nothing");
        }
        else
        {
            (await Read<RoadmapDto>(state)).Status.Should().Be(RoadmapStatus.Draft, "a refused request changes nothing");
        }

        using (var request = Request())
        {
            (await author.Client.SendAsync(request, Ct)).StatusCode.Should().Be(asAuthor);
        }
    }

    private static TheoryData<string, string, HttpStatusCode, string> BadDocumentCases()
    {
        const string topic = "sections[0].topics[0]";
        (string Fault, HttpStatusCode Status, string Path)[] faults =
        [
            ("duplicate topic slug", HttpStatusCode.UnprocessableEntity, "sections[1].topics[0].slug"),
            ("unknown prerequisite", HttpStatusCode.UnprocessableEntity, "sections[1].topics[0].prerequisites[0]"),
            ("cycle", HttpStatusCode.UnprocessableEntity, $"{topic}.prerequisites"),
            ("javascript url", HttpStatusCode.BadRequest, $"{topic}.resources[0].url"),
            ("url ending in a line break", HttpStatusCode.BadRequest, $"{topic}.resources[0].url"),
            ("null resource", HttpStatusCode.BadRequest, $"{topic}.resources[0]"),
            ("estimate of 0", HttpStatusCode.BadRequest, $"{topic}.estimatedMinutes"),
            ("estimate of 10001", HttpStatusCode.BadRequest, $"{topic}.estimatedMinutes"),
            ("summary of 4001 characters", HttpStatusCode.BadRequest, $"{topic}.summary"),
            ("invisible summary", HttpStatusCode.BadRequest, $"{topic}.summary"),
            ("unknown kind", HttpStatusCode.BadRequest, $"{topic}.kind"),
            ("estimate of the wrong type", HttpStatusCode.BadRequest, $"{topic}.estimatedMinutes"),
            ("unknown property", HttpStatusCode.BadRequest, $"{topic}.prerequisite"),
            ("text-direction override in a title", HttpStatusCode.BadRequest, "title"),
            ("invisible title", HttpStatusCode.BadRequest, "title"),
            ("tag characters in a title", HttpStatusCode.BadRequest, "title"),
            ("line separator in a section title", HttpStatusCode.BadRequest, "sections[0].title"),
            ("interlinear annotation in a resource title", HttpStatusCode.BadRequest, $"{topic}.resources[0].title"),
            ("escape sequence in a topic title", HttpStatusCode.BadRequest, $"{topic}.title"),
            ("null prerequisites", HttpStatusCode.BadRequest, $"{topic}.prerequisites"),
            ("malformed json", HttpStatusCode.BadRequest, AnyPath),
            ("text/plain", HttpStatusCode.UnsupportedMediaType, string.Empty),
            ("over the size limit", HttpStatusCode.RequestEntityTooLarge, string.Empty),
        ];
        var cases = new TheoryData<string, string, HttpStatusCode, string>();
        foreach (var method in new[] { "PUT", "POST" })
        {
            foreach (var (fault, status, path) in faults)
            {
                cases.Add(method, fault, status, path);
            }
        }

        return cases;
    }

    private static HttpContent BadBody(string fault, RoadmapDocument document) => fault switch
    {
        "duplicate topic slug" => Body(document.WithTopics(1, TestDocuments.Topic("a"))),
        "unknown prerequisite" => Body(document.WithTopics(1, TestDocuments.Topic("c", ["no-such-topic"]))),
        "cycle" => Body(document.WithTopics(0, TestDocuments.Topic("a", ["b"]), TestDocuments.Topic("b", ["a"]))),
        "javascript url" => Body(WithFirstTopic(document, t => t with
        {
            Resources = [new ResourceDocument { Title = "Click me", Url = "javascript:alert(1)", Type = ResourceType.Article }],
        })),
        "url ending in a line break" => Body(WithFirstTopic(document, t => t with
        {
            Resources = [new ResourceDocument { Title = "Docs", Url = "https://example.org/docs\n", Type = ResourceType.Documentation }],
        })),
        "null resource" => RawJson(document, topic => topic["resources"] = new JsonArray((JsonNode?)null)),
        "estimate of 0" => Body(WithFirstTopic(document, t => t with { EstimatedMinutes = 0 })),
        "estimate of 10001" => Body(WithFirstTopic(document, t => t with { EstimatedMinutes = 10_001 })),
        "summary of 4001 characters" => Body(WithFirstTopic(document, t => t with { Summary = new string('x', 4_001) })),
        "invisible summary" => Body(WithFirstTopic(document, t => t with { Summary = "\u200B\u200B" })),
        "unknown kind" => RawJson(document, topic => topic["kind"] = "Mandatory"),
        "estimate of the wrong type" => RawJson(document, topic => topic["estimatedMinutes"] = "ten"),
        "unknown property" => RawJson(document, topic => topic["prerequisite"] = new JsonArray("a")),
        "text-direction override in a title" => Body(document with { Title = "Safe \u202Egnp.exe" }),
        "invisible title" => Body(document with { Title = "\u200B\u0301" }),
        "tag characters in a title" => Body(document with { Title = "Safe\U000E0020\U000E0041\U000E0042" }),
        "line separator in a section title" => Body(document with
        {
            Sections = [document.Sections[0] with { Title = "Basics\u2028Advanced" }, .. document.Sections.Skip(1)],
        }),
        "interlinear annotation in a resource title" => Body(WithFirstTopic(document, t => t with
        {
            Resources = [t.Resources[0] with { Title = "Docs\uFFF9\uFFFAhidden\uFFFB" }],
        })),
        "escape sequence in a topic title" => Body(WithFirstTopic(document, t => t with { Title = "x\u0007\u001b[31mred" })),
        "null prerequisites" => RawJson(document, topic => topic["prerequisites"] = null),
        "malformed json" => new StringContent($$"""{ "slug": "{{document.Slug}}" "title": "No comma" }""", Encoding.UTF8, "application/json"),
        "text/plain" => new StringContent(JsonSerializer.Serialize(document, Json), Encoding.UTF8, "text/plain"),
        "over the size limit" => Oversized(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "No such fault."),
    };

    private static ByteArrayContent Oversized()
    {
        // JSON whitespace: the body is refused by its declared length before anyone reads it.
        var body = new byte[RoadmapAuthoringEndpoints.DocumentSizeLimit + 1];
        Array.Fill(body, (byte)' ');
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private static JsonContent Body(RoadmapDocument document) => JsonContent.Create(document, options: Json);

    private static RoadmapDocument WithFirstTopic(RoadmapDocument document, Func<TopicDocument, TopicDocument> change)
    {
        var topics = document.Sections[0].Topics;
        return document.WithTopics(0, [change(topics[0]), .. topics.Skip(1)]);
    }

    /// <summary>The document as JSON with its first topic edited in ways the document type cannot express.</summary>
    private static StringContent RawJson(RoadmapDocument document, Action<JsonObject> editFirstTopic)
    {
        var json = JsonSerializer.SerializeToNode(document, Json)!;
        editFirstTopic(json["sections"]![0]!["topics"]![0]!.AsObject());
        return new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, RoadmapDocument document) =>
        client.PutAsJsonAsync($"/api/roadmaps/{document.Slug}", document, Json, Ct);

    private static async Task CreatePublished(HttpClient author, RoadmapDocument document)
    {
        (await author.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await author.PostAsync($"/api/roadmaps/{document.Slug}/publish", null, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Task<string> Export(HttpClient author, string slug) => author.GetStringAsync($"/api/roadmaps/{slug}/export", Ct);

    private static async Task<RoadmapDto> ReadRoadmap(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/roadmaps/{slug}", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Read<RoadmapDto>(response);
    }

    private static async Task<IReadOnlyList<string>> ListSlugs(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/roadmaps{query}", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Read<PagedList<RoadmapSummaryDto>>(response);
        page.TotalCount.Should().BeLessThanOrEqualTo(page.PageSize, "every roadmap of this test class fits on one page");
        return page.Items.Select(r => r.Slug).ToList();
    }

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode expected, string because = "")
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.Should().Be(expected, "{0} (body: {1})", because, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be(ProblemJson);
        using var json = JsonDocument.Parse(body);
        var problem = json.RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }

    private static List<string> ErrorKeys(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
}

public sealed class RoadmapAuthoringTests_Sqlite(SqliteApiFactory factory) : RoadmapAuthoringTests<SqliteApiFactory>(factory);

public sealed class RoadmapAuthoringTests_Postgres(PostgresApiFactory factory) : RoadmapAuthoringTests<PostgresApiFactory>(factory);
