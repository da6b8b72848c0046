using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Infrastructure.Contract;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Platform;

/// <summary>
/// The contract harness itself (every client of these tests checks responses against /openapi/v1.json), and the
/// client mistakes that must never be a 500 and must be answered in the right order.
/// </summary>
public sealed class ContractTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    private const string LoginBody = """{"email":"nobody@example.org","password":"a long enough password"}""";

    [Fact]
    public async Task The_harness_fails_an_undocumented_status_an_extra_property_and_a_wrong_type()
    {
        using var me = await SignIn();
        var profile = (await me.Client.GetStringAsync("/api/me", Ct)).Trim();
        using var raw = Factory.Server.CreateClient();
        var document = new ContractDocument(await raw.GetStringAsync("/openapi/v1.json", Ct));

        var extra = JsonNode.Parse(profile)!.AsObject();
        extra["isAdmin"] = true;
        var wrongType = JsonNode.Parse(profile)!.AsObject();
        wrongType["showOnLeaderboard"] = "yes";

        (await Answer(document, HttpStatusCode.OK, profile)).Should().BeEmpty("the real answer keeps to the document");
        (await Answer(document, HttpStatusCode.Accepted, profile)).Should().ContainSingle().Which.Should().Contain("does not list");
        (await Answer(document, HttpStatusCode.OK, extra.ToJsonString())).Should().ContainSingle().Which.Should().Contain("isAdmin");
        (await Answer(document, HttpStatusCode.OK, wrongType.ToJsonString())).Should().ContainSingle().Which.Should().Contain("showOnLeaderboard");
        (await Answer(document, HttpStatusCode.OK, profile, "text/plain")).Should().ContainSingle().Which.Should().Contain("text/plain");
        (await Answer(document, HttpStatusCode.NotFound, """{"title":"Not Found","status":404}""", "application/problem+json"))
            .Should().ContainSingle().Which.Should().Contain("traceId");

        const string followed = """{"roadmapSlug":"backend-developer","roadmapTitle":"Backend Developer","enrolledAt":"2026-01-01T00:00:00+00:00"}""";
        document.Check("POST", "/api/me/enrollments", 201, "application/json", followed, _ => false)
            .Should().ContainSingle().Which.Should().Contain("Location", "a 201 says where the created resource is");
        document.Check("POST", "/api/me/enrollments", 201, "application/json", followed, header => header == "Location").Should().BeEmpty();
        document.Check("GET", "/api/roadmaps/backend-developer", 304, null, string.Empty, _ => false)
            .Should().ContainSingle().Which.Should().Contain("ETag", "a revalidated read names the tag it holds");
    }

    /// <summary>A made-up answer to GET /api/me, passed through the harness: the violations it reports.</summary>
    private static async Task<IReadOnlyList<string>> Answer(ContractDocument document, HttpStatusCode status, string body, string contentType = "application/json")
    {
        var violations = new ContractViolations();
        using var handler = new ContractValidatingHandler(_ => Task.FromResult(document), violations)
        {
            InnerHandler = new Stub(status, body, contentType),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/me");
        try
        {
            using var response = await invoker.SendAsync(request, Ct);
        }
        catch (ContractViolationException e)
        {
            e.Violations.Should().Equal(violations.All);
        }

        return violations.All;
    }

    private sealed class Stub(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType), RequestMessage = request });
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF8")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset")]
    [InlineData("application/json;charset=utf-8")]
    public async Task A_charset_that_means_UTF_8_is_accepted(string contentType)
    {
        using var client = Client();

        var response = await client.SendAsync(Post("/api/auth/login", LoginBody, contentType), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the body was read: the email or password is wrong");
    }

    [Fact]
    public async Task An_oversized_body_on_an_operation_that_reads_none_is_a_documented_413()
    {
        using var admin = await SignIn(Roles.Admin);

        var response = await admin.Client.SendAsync(Post("/api/admin/jobs/dashboard-session", new string('x', 70 * 1024), "text/plain"), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_that_says_why()
    {
        // Kestrel, not the test host, cuts a body off at the limit: the service runs in a process of its own.
        await using var service = await RunningService.StartAsync();
        using var client = new HttpClient { BaseAddress = service.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            // No length is sent: the server cuts the body off when it passes the limit, while the endpoint reads it.
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"email":"{{new string('a', 70 * 1024)}}"}"""))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        problem["detail"]!.GetValue<string>().Should().Be("The request body is too large.");
        problem["code"]!.GetValue<string>().Should().Be("payload_too_large");
    }

    [Theory]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("application/json; charset=no-such-charset")]
    public async Task Any_other_charset_is_a_415_problem(string contentType)
    {
        using var client = Client();

        var response = await client.SendAsync(Post("/api/auth/login", LoginBody, contentType), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_body_in_a_content_coding_is_a_415_problem(string coding)
    {
        using var client = Client();
        var request = Post("/api/auth/login", LoginBody, "application/json");
        request.Content!.Headers.ContentEncoding.Add(coding);

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.SendAsync(Post("/api/auth/login", LoginBody, "application/json"), Ct)).StatusCode.Should().NotBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Who_may_call_is_decided_before_the_body_is_looked_at()
    {
        using var anonymous = Client();
        using var learner = await SignIn(Roles.Learner);
        var oversized = new string('x', 200 * 1024);

        (await anonymous.SendAsync(Post("/api/roadmaps", "<roadmap/>", "application/xml"), Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.SendAsync(Post("/api/roadmaps", "{}", "application/json; charset=latin1"), Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.SendAsync(Patch("/api/me", oversized), Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await learner.Client.SendAsync(Post("/api/roadmaps", "<roadmap/>", "application/xml"), Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await learner.Client.SendAsync(Post("/api/roadmaps", new string('x', 9 * 1024 * 1024), "application/json"), Ct))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await learner.Client.SendAsync(Patch("/api/me", oversized), Ct)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/me", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/roadmaps/no-such-roadmap", null, HttpStatusCode.NotFound)]
    [InlineData("/api/roadmaps?status=Draft", Roles.Learner, HttpStatusCode.Forbidden)]
    [InlineData("/api/roadmaps/no-such-roadmap/export", Roles.Learner, HttpStatusCode.Forbidden)]
    public async Task Errors_are_problem_json_whatever_the_client_accepts(string url, string? role, HttpStatusCode expected)
    {
        using var signedIn = role is null ? null : await SignIn(role);
        using var anonymous = Client();
        var client = signedIn?.Client ?? anonymous;

        foreach (var accept in new[] { "application/xml", "text/html", "text/plain;q=0.5, image/png" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            var response = await client.SendAsync(request, Ct);

            response.StatusCode.Should().Be(expected);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", $"Accept: {accept}");
            (await ReadJson(response)).GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0")]
    [InlineData("0")]
    [InlineData("Draft,Published")]
    [InlineData("Published, Archived")]
    [InlineData("Nope")]
    public async Task Query_enums_are_read_as_strictly_as_body_enums(string status)
    {
        using var client = Client();

        var response = await client.GetAsync($"/api/roadmaps?status={Uri.EscapeDataString(status)}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await ReadJson(response)).GetProperty("errors").TryGetProperty("status", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_named_query_enum_is_read()
    {
        using var client = Client();

        (await client.GetAsync("/api/roadmaps?status=Published", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/roadmaps?status=Archived&page=1&pageSize=5", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Post(string url, string body, string contentType) => WithBody(HttpMethod.Post, url, body, contentType);

    private static HttpRequestMessage Patch(string url, string body) => WithBody(HttpMethod.Patch, url, body, "application/json");

    private static HttpRequestMessage WithBody(HttpMethod method, string url, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }
}
