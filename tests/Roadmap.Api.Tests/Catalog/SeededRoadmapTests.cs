using System.Net;
using System.Text.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Catalog;

public abstract class SeededRoadmapTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task The_backend_developer_roadmap_is_seeded_and_published()
    {
        using var client = Client();

        var response = await client.GetAsync("/api/roadmaps/backend-developer", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var roadmap = await Read<RoadmapDto>(response);
        roadmap.Status.Should().Be(RoadmapStatus.Published);
        roadmap.Version.Should().Be(1);
        roadmap.Sections.Should().HaveCountGreaterThanOrEqualTo(9);
        var topics = roadmap.Sections.SelectMany(s => s.Topics).ToList();
        topics.Should().HaveCountGreaterThanOrEqualTo(40);
        topics.Should().OnlyContain(t => t.Resources.Count > 0 && t.Summary.Length > 0);
        topics.Select(t => t.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Every_prerequisite_of_the_seeded_roadmap_resolves_and_the_graph_is_acyclic()
    {
        using var client = Client();

        var roadmap = await Read<RoadmapDto>(await client.GetAsync("/api/roadmaps/backend-developer", Ct));

        var topics = roadmap.Sections.SelectMany(s => s.Topics).ToDictionary(t => t.Slug);
        topics.Values.SelectMany(t => t.Prerequisites).Should().OnlyContain(p => topics.ContainsKey(p));
        PrerequisiteGraph.FindCycle(topics.ToDictionary(t => t.Key, t => (IReadOnlyCollection<string>)t.Value.Prerequisites)).Should().BeNull();
    }

    [Fact]
    public async Task The_seeded_roadmap_covers_the_seed_documents()
    {
        using var client = Client();

        var roadmap = await Read<RoadmapDto>(await client.GetAsync("/api/roadmaps/backend-developer", Ct));

        var text = string.Join(' ', roadmap.Sections.SelectMany(s => s.Topics)
            .SelectMany(t => t.Resources.Select(r => r.Title).Append(t.Title))).ToUpperInvariant();
        string[] named =
        [
            "Node.js", "Django", "Ruby on Rails", "Spring Boot", "MySQL", "PostgreSQL", "SQLite", "MongoDB", "Cassandra",
            "REST", "GraphQL", "JSON", "XML", "Redis", "Memcached", "Load balancing", "SQL injection", "XSS", "CSRF",
            "Python", "Ruby", "Java", "PHP", "Go", "C#", "Git", "GitHub", "GitLab", "Jenkins", "Travis CI", "CircleCI",
            "Docker", "Kubernetes", "Prometheus", "Grafana", "ELK", "AWS", "Azure", "Google Cloud", "Microservices",
            "Design patterns", "Express",
        ];
        named.Where(n => !text.Contains(n.ToUpperInvariant(), StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task HEAD_is_answered_wherever_GET_is_with_the_same_headers_and_no_body()
    {
        using var client = Client();
        using var learner = await SignIn();
        var get = await client.GetAsync("/api/roadmaps/backend-developer", Ct);

        // Twice: the first may be answered by the endpoint, the second is answered by the output cache.
        for (var i = 0; i < 2; i++)
        {
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/roadmaps/backend-developer"), Ct);

            head.StatusCode.Should().Be(HttpStatusCode.OK);
            head.Headers.ETag.Should().Be(get.Headers.ETag);
            (await head.Content.ReadAsByteArrayAsync(Ct)).Should().BeEmpty();
            if (i == 1)
            {
                head.Headers.Age.Should().NotBeNull("the answer came from the output cache");
            }
        }

        var after = await client.GetAsync("/api/roadmaps/backend-developer", Ct);
        (await after.Content.ReadAsStringAsync(Ct)).Should().Be(await get.Content.ReadAsStringAsync(Ct), "a HEAD leaves the cached GET whole");

        (await learner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/me/roadmaps/backend-developer/progress"), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/me"), Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/roadmaps/no-such-roadmap"), Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/auth/login"), Ct)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "not a GET");
    }

    [Fact]
    public async Task A_repeat_read_with_the_ETag_gets_304_without_a_body()
    {
        using var client = Client();
        var first = await client.GetAsync("/api/roadmaps/backend-developer", Ct);
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();

        // Twice: the first may be answered by the endpoint, the second by the output cache.
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/roadmaps/backend-developer");
            request.Headers.IfNoneMatch.Add(etag!);
            var repeat = await client.SendAsync(request, Ct);

            repeat.StatusCode.Should().Be(HttpStatusCode.NotModified);
            (await repeat.Content.ReadAsByteArrayAsync(Ct)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Signed_in_readers_are_served_from_the_cache_too()
    {
        using var user = await SignIn();

        await user.Client.GetAsync("/api/roadmaps/backend-developer", Ct);
        var second = await user.Client.GetAsync("/api/roadmaps/backend-developer", Ct);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Headers.Age.Should().NotBeNull("the answer came from the output cache");
    }

    [Fact]
    public async Task A_draft_read_by_its_author_is_never_cached_for_anyone()
    {
        var slug = TestDocuments.NewSlug("draft");
        (await Send(new Roadmap.Application.Catalog.Roadmaps.ImportRoadmap.ImportRoadmapCommand(TestDocuments.Small(slug)))).IsSuccess.Should().BeTrue();
        using var author = await SignIn(Roadmap.Domain.Common.Roles.Author);
        using var anonymous = Client();

        (await author.Client.GetAsync($"/api/roadmaps/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await author.Client.GetAsync($"/api/roadmaps/{slug}", Ct);
        var stranger = await anonymous.GetAsync($"/api/roadmaps/{slug}", Ct);

        second.Headers.Age.Should().BeNull();
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_topic_is_read_on_its_own()
    {
        using var client = Client();

        var response = await client.GetAsync("/api/roadmaps/backend-developer/topics/redis", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBeNull();
        var topic = await Read<TopicDetailsDto>(response);
        topic.RoadmapSlug.Should().Be("backend-developer");
        topic.Topic.Slug.Should().Be("redis");
        topic.Topic.Resources.Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_list_is_paged_and_says_its_total()
    {
        using var client = Client();

        var page = await Read<PagedList<RoadmapSummaryDto>>(await client.GetAsync("/api/roadmaps?page=1&pageSize=1", Ct));

        page.Items.Should().ContainSingle();
        page.TotalCount.Should().BeGreaterThanOrEqualTo(1);
        page.PageSize.Should().Be(1);
        var seeded = await Read<PagedList<RoadmapSummaryDto>>(await client.GetAsync("/api/roadmaps?pageSize=100", Ct));
        seeded.Items.Should().Contain(r => r.Slug == "backend-developer" && r.TopicCount >= 40 && r.EstimatedMinutes > 0);
    }

    [Theory]
    [InlineData("/api/roadmaps/no-such-roadmap", HttpStatusCode.NotFound)]
    [InlineData("/api/roadmaps/backend-developer/topics/no-such-topic", HttpStatusCode.NotFound)]
    [InlineData("/api/roadmaps?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?pageSize=101", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?page=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?page=21474838&pageSize=100", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?page=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?status=Bogus", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?status=7", HttpStatusCode.BadRequest)]
    [InlineData("/api/roadmaps?status=Draft", HttpStatusCode.Unauthorized)]
    [InlineData("/api/roadmaps/%27%3B%20DROP%20TABLE%20roadmaps%3B--", HttpStatusCode.NotFound)]
    [InlineData("/api/roadmaps/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-route", HttpStatusCode.NotFound)]
    public async Task Bad_reads_get_problem_details_never_a_500(string url, HttpStatusCode expected)
    {
        using var client = Client();

        var response = await client.GetAsync(url, Ct);

        response.StatusCode.Should().Be(expected);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await ReadJson(response);
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_invalid_page_names_the_field_at_fault()
    {
        using var client = Client();

        var problem = await ReadJson(await client.GetAsync("/api/roadmaps?pageSize=0", Ct));

        problem.GetProperty("errors").TryGetProperty("pageSize", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_wrong_method_gets_405_problem_details()
    {
        using var client = Client();

        var response = await client.DeleteAsync("/api/roadmaps/backend-developer/topics/redis", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_database()
    {
        using var client = Client();

        var live = await client.GetAsync("/health/live", Ct);
        var ready = await client.GetAsync("/health/ready", Ct);

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var checks = (await ReadJson(ready)).GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        checks.Should().Contain("database");
    }

    [Fact]
    public async Task Json_uses_camel_case_string_enums_and_utc_times()
    {
        using var client = Client();

        var json = await client.GetStringAsync("/api/roadmaps/backend-developer", Ct);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("status").GetString().Should().Be("Published");
        root.GetProperty("publishedAt").GetString().Should().EndWith("Z");
        root.GetProperty("sections")[0].GetProperty("topics")[0].GetProperty("kind").ValueKind.Should().Be(JsonValueKind.String);
        root.TryGetProperty("revision", out _).Should().BeFalse("the revision is internal: the ETag carries it");
    }
}

public sealed class SeededRoadmapTests_Sqlite(SqliteApiFactory factory) : SeededRoadmapTests<SqliteApiFactory>(factory);

public sealed class SeededRoadmapTests_Postgres(PostgresApiFactory factory) : SeededRoadmapTests<PostgresApiFactory>(factory);
