using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;

namespace Roadmap.Api.Tests.Platform;

/// <summary>
/// Query parameters are read strictly on every route, and every mistake in one is answered alike: 400, code
/// <c>validation</c>, <c>errors</c> keyed by the parameter, a message saying what is wrong.
/// </summary>
public sealed class QueryParameterTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    private const string Leaderboard = "/api/roadmaps/backend-developer/leaderboard";
    private const string Next = "/api/me/roadmaps/backend-developer/next";

    [Theory]
    [InlineData("/api/roadmaps?page=1%00", "page", "'page' must not hold the NUL character.")]
    [InlineData("/api/roadmaps?page=%00", "page", "'page' must not hold the NUL character.")]
    [InlineData("/api/roadmaps?pageSize=%0010", "pageSize", "'pageSize' must not hold the NUL character.")]
    [InlineData($"{Leaderboard}?limit=1%00%00%00", "limit", "'limit' must not hold the NUL character.")]
    [InlineData($"{Next}?limit=3%00", "limit", "'limit' must not hold the NUL character.")]
    [InlineData("/api/roadmaps?page=1%20", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=%201", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=1%09", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=%2B1", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=1.0", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=1e2", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=-", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=abc", "page", "'page' must be a whole number.")]
    [InlineData("/api/roadmaps?page=%D9%A1", "page", "'page' must be a whole number.")] // an Arabic-Indic digit one
    [InlineData("/api/me/enrollments?pageSize=5%20", "pageSize", "'pageSize' must be a whole number.")]
    [InlineData("/api/me/roadmaps/backend-developer/events?page=1%0A", "page", "'page' must be a whole number.")]
    [InlineData($"{Leaderboard}?limit=ten", "limit", "'limit' must be a whole number.")]
    [InlineData($"{Leaderboard}?limit=99999999999", "limit", "'limit' must be a whole number from -2147483648 to 2147483647.")]
    [InlineData("/api/roadmaps?status=Draft%00", "status", "'status' must not hold the NUL character.")]
    [InlineData("/api/roadmaps?status=1", "status", "'status' must be one of: Draft, Published, Archived.")]
    [InlineData($"{Leaderboard}?by=Streak%20", "by", "'by' must be one of: Completion, Streak.")]
    [InlineData("/api/me/activity?from=2026-01-01%00", "from", "'from' must not hold the NUL character.")]
    public async Task A_value_its_parameter_cannot_take_is_a_validation_problem_keyed_by_the_parameter(string url, string parameter, string message)
    {
        using var learner = await Following();

        var response = await learner.Client.GetAsync(url, Ct);

        await ShouldBeValidationProblem(response, parameter, message);
    }

    [Theory]
    [InlineData("/api/roadmaps?page=1&page=2", "page")]
    [InlineData("/api/roadmaps?page=1&PAGE=1", "page")]
    [InlineData("/api/roadmaps?status=Published&status=Published", "status")]
    [InlineData($"{Leaderboard}?by=Streak&by=Completion", "by")]
    [InlineData($"{Leaderboard}?limit=1&limit=2", "limit")]
    [InlineData($"{Next}?limit=3&limit=3", "limit")]
    [InlineData("/api/me/activity?from=2026-12-04&from=2026-12-04", "from")]
    [InlineData("/api/me/activity?to=2026-12-04&to=", "to")]
    public async Task A_parameter_given_twice_is_said_to_be_given_twice(string url, string parameter)
    {
        using var learner = await Following();

        var response = await learner.Client.GetAsync(url, Ct);

        await ShouldBeValidationProblem(response, parameter, "Give this parameter once.");
    }

    [Theory]
    [InlineData("/api/roadmaps?page=abc", "/api/roadmaps?page=0", "page")]
    [InlineData($"{Leaderboard}?limit=ten", $"{Leaderboard}?limit=101", "limit")]
    [InlineData($"{Next}?limit=3%00", $"{Next}?limit=51", "limit")]
    public async Task A_value_the_type_cannot_hold_and_one_out_of_range_are_the_same_kind_of_problem(string unreadable, string outOfRange, string parameter)
    {
        using var learner = await Following();

        var first = await ReadJson(await learner.Client.GetAsync(unreadable, Ct));
        var second = await ReadJson(await learner.Client.GetAsync(outOfRange, Ct));

        foreach (var problem in new[] { first, second })
        {
            problem.GetProperty("status").GetInt32().Should().Be(400);
            problem.GetProperty("code").GetString().Should().Be("validation");
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal(parameter);
        }

        first.GetProperty("detail").GetString().Should().Be(second.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/roadmaps?page=1&pageSize=5")]
    [InlineData("/api/roadmaps?page=01&pageSize=005&status=published")]
    [InlineData($"{Leaderboard}?limit=3&by=streak")]
    [InlineData($"{Next}?limit=3")]
    [InlineData("/api/me/enrollments?page=1")]
    [InlineData("/api/me/activity?from=2026-01-01&to=2026-01-31")]
    [InlineData("/api/roadmaps?unknown=1%00&unknown=2")]
    public async Task Values_written_plainly_are_read(string url)
    {
        using var learner = await Following();

        var response = await learner.Client.GetAsync(url, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_negative_number_is_read_and_refused_by_the_parameters_own_range()
    {
        using var anonymous = Client();

        var response = await anonymous.GetAsync("/api/roadmaps?page=-1", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ReadJson(response);
        problem.GetProperty("code").GetString().Should().Be("validation");
        problem.GetProperty("errors").GetProperty("page")[0].GetString().Should().Contain("between 1 and");
    }

    [Fact]
    public void Every_query_parameter_of_the_API_is_of_a_kind_read_strictly()
    {
        Client().Dispose();
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var parameters = endpoints
            .SelectMany(e => StrictQueryMiddleware.QueryParametersOf(e).Select(p => (Route: (e as RouteEndpoint)?.RoutePattern.RawText, Parameter: p)))
            .ToList();

        parameters.Select(p => p.Parameter.Name).Distinct().Should().Contain(["page", "pageSize", "limit", "status", "by", "from", "to"],
            "the rule must see the parameters it is about");
        parameters.Where(p => p.Parameter.Kind == QueryKind.Other).Select(p => $"{p.Route}: {p.Parameter.Name}").Should()
            .BeEmpty("a query parameter of another type needs a strict reading in StrictQueryMiddleware first");

        // The check fails where it should: a handler taking a GUID and a yes/no from the query.
        var sample = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/sample/{slug}"), 0,
            new EndpointMetadataCollection(typeof(QueryParameterTests).GetMethod(nameof(SampleHandler), BindingFlags.NonPublic | BindingFlags.Static)!), "sample");
        StrictQueryMiddleware.QueryParametersOf(sample).Select(p => (p.Name, p.Kind)).Should()
            .Equal(("learner", QueryKind.Other), ("flag", QueryKind.Other), ("page", QueryKind.WholeNumber));
    }

    private static void SampleHandler(string slug, Guid learner, bool? flag, [FromHeader] int version, [FromQuery(Name = "page")] int number, CancellationToken cancellationToken)
    {
    }

    [Fact]
    public async Task The_document_says_every_operation_with_a_query_parameter_may_answer_400()
    {
        using var anonymous = Client();
        var document = await ReadJson(await anonymous.GetAsync("/openapi/v1.json", Ct));

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .Where(o => o.Value.TryGetProperty("parameters", out var p) && p.EnumerateArray().Any(q => q.GetProperty("in").GetString() == "query"))
            .ToList();

        operations.Select(o => o.Name).Should().Contain("get /api/me/activity");
        operations.Where(o => !o.Value.GetProperty("responses").TryGetProperty("400", out _)).Select(o => o.Name).Should().BeEmpty();
    }

    /// <summary>A learner following the Backend Developer roadmap (next topics are read from what one follows).</summary>
    private async Task<SignedIn> Following()
    {
        var learner = await SignIn();
        (await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = "backend-developer" }, Ct)).EnsureSuccessStatusCode();
        return learner;
    }

    private static async Task ShouldBeValidationProblem(HttpResponseMessage response, string parameter, string message)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("code").GetString().Should().Be("validation", body);
        problem.GetProperty("detail").GetString().Should().Be("One or more fields are invalid.");
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        errors.Select(e => e.Name).Should().Equal([parameter], body);
        errors[0].Value.EnumerateArray().Select(m => m.GetString()).Should().Equal([message], body);
    }
}
