using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Identity;

/// <summary>
/// Who may call what: anonymous, Learner, Author and Admin against every protected route. 401 means "say who
/// you are", 403 "you may not", and a draft is 404 to whoever may not see it, so its existence does not leak.
/// </summary>
public abstract class AuthorizationMatrixTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    private const string Anonymous = "Anonymous";

    public static TheoryData<string, string, string, int, int, int, int> Routes => new()
    {
        // method, route ({draft} is a draft roadmap, {missing} no roadmap), body: anonymous, Learner, Author, Admin
        { "GET", "/api/me", "", 401, 200, 200, 200 },
        { "PATCH", "/api/me", "{}", 401, 200, 200, 200 },
        { "POST", "/api/auth/logout", """{"refreshToken":"unknown"}""", 401, 204, 204, 204 },
        { "PUT", "/api/admin/users/{unknown-user}/roles", """{"roles":[]}""", 401, 403, 403, 404 },
        { "POST", "/api/admin/jobs/recalculate-stats", """{"roadmap":"{missing}"}""", 401, 403, 403, 404 },
        { "GET", "/api/admin/jobs", "", 401, 403, 403, 200 },
        { "POST", "/api/roadmaps", "{}", 401, 403, 400, 400 },
        { "PUT", "/api/roadmaps/{missing}", "{}", 401, 403, 400, 400 },
        { "GET", "/api/roadmaps/{missing}/export", "", 401, 403, 404, 404 },
        { "GET", "/api/roadmaps/{draft}/export", "", 401, 403, 200, 200 },
        { "GET", "/api/roadmaps/{missing}/insights", "", 401, 403, 404, 404 },
        { "GET", "/api/roadmaps/{draft}/insights", "", 401, 403, 200, 200 },
        { "POST", "/api/roadmaps/{missing}/publish", "", 401, 403, 404, 404 },
        { "POST", "/api/roadmaps/{missing}/archive", "", 401, 403, 404, 404 },
        { "GET", "/api/roadmaps/{draft}", "", 404, 404, 200, 200 },
        { "GET", "/api/roadmaps/{draft}/topics/a", "", 404, 404, 200, 200 },
        { "GET", "/api/roadmaps?status=Draft", "", 401, 403, 200, 200 },
        { "GET", "/api/roadmaps/backend-developer", "", 200, 200, 200, 200 },
        { "GET", "/api/me/stats", "", 401, 200, 200, 200 },
        { "GET", "/api/roadmaps/{draft}/leaderboard", "", 404, 404, 404, 404 },
        { "GET", "/api/roadmaps/backend-developer/leaderboard?by=Streak", "", 200, 200, 200, 200 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_role_gets_exactly_its_answer(string method, string route, string body, int anonymous, int learner, int author, int admin)
    {
        var draft = TestDocuments.NewSlug("draft");
        (await Send(new ImportRoadmapCommand(TestDocuments.Small(draft)))).IsSuccess.Should().BeTrue();
        var url = route.Replace("{draft}", draft, StringComparison.Ordinal)
            .Replace("{missing}", TestDocuments.NewSlug("missing"), StringComparison.Ordinal)
            .Replace("{unknown-user}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        foreach (var (role, expected) in new[] { (Anonymous, anonymous), (Roles.Learner, learner), (Roles.Author, author), (Roles.Admin, admin) })
        {
            using var user = role == Anonymous ? null : await SignIn(role);
            using var anonymousClient = Client();
            var client = user?.Client ?? anonymousClient;
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request, Ct);

            ((int)response.StatusCode).Should().Be(expected, $"{role} on {method} {route}");
            if (expected >= 400)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", $"{role} on {method} {route}");
            }
        }
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApiFactory factory) : AuthorizationMatrixTests<SqliteApiFactory>(factory);

public sealed class AuthorizationMatrixTests_Postgres(PostgresApiFactory factory) : AuthorizationMatrixTests<PostgresApiFactory>(factory);

/// <summary>The service with a low sign-in rate limit.</summary>
public sealed class RateLimitedApiFactory : SqliteApiFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Set("RateLimiting:Auth:PermitLimit", "3");
        Set("RateLimiting:Auth:WindowSeconds", "300");
    }
}

public sealed class RateLimitTests(RateLimitedApiFactory factory) : ApiTestBase<RateLimitedApiFactory>(factory)
{
    [Fact]
    public async Task Sign_ins_past_the_limit_get_429_with_Retry_After_and_other_routes_still_answer()
    {
        using var client = Client();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "whatever it is" }, Ct));
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // the window runs from the first attempt
            }
        }

        answers.Take(3).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var limited = answers[3];
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.FromSeconds(280)).And.BeLessThan(TimeSpan.FromSeconds(300),
            "the time left of the 300-second window, not its whole length");
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "x@example.org", password = "a long enough password", displayName = "X" }, Ct))
            .StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "register shares the sign-in limit");
        (await client.GetAsync("/api/roadmaps", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
