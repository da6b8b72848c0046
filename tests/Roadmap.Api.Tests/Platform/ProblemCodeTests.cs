using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;

namespace Roadmap.Api.Tests.Platform;

/// <summary>A problem's <c>code</c> is stable: one mistake, one code, wherever the service notices it.</summary>
public sealed class ProblemCodeTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    [Theory]
    [InlineData("Guid id", "abc", "id", "'id' must be an id (a GUID).")]
    [InlineData("int version", "3 ", "version", "'version' must be a whole number.")]
    public async Task A_route_or_header_value_its_type_cannot_hold_is_a_validation_problem_like_a_query_one(
        string parameter, string value, string name, string message)
    {
        // No route or header parameter of the API can fail so today (ids are matched by a route constraint, query values are read
        // before the binder): this is the framework's own refusal, as it would reach the exception handler.
        var problem = await Handled(new BadHttpRequestException($"Failed to bind parameter \"{parameter}\" from \"{value}\"."));

        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("code").GetString().Should().Be("validation");
        problem.GetProperty("detail").GetString().Should().Be("One or more fields are invalid.");
        problem.GetProperty("errors").GetProperty(name).EnumerateArray().Select(m => m.GetString()).Should().Equal(message);
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{\"email\":5,\"password\":\"x\"}")]
    public async Task A_body_that_is_not_JSON_of_the_operations_shape_stays_a_bad_request(string body)
    {
        using var anonymous = Client();

        var response = await anonymous.PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(response)).GetProperty("code").GetString().Should().Be("bad_request");
    }

    [Fact]
    public async Task The_document_names_the_codes_a_client_switches_on()
    {
        using var anonymous = Client();
        var document = await ReadJson(await anonymous.GetAsync("/openapi/v1.json", Ct));

        var code = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails")
            .GetProperty("properties").GetProperty("code").GetProperty("description").GetString();

        code.Should().ContainAll("validation (a field, query parameter or header", "bad_request (a body", "database_unavailable");
    }

    /// <summary>What the service's exception handler writes for <paramref name="exception"/>.</summary>
    private async Task<JsonElement> Handled(Exception exception)
    {
        Client().Dispose();
        await using var scope = Factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/sample";
        http.Response.Body = new MemoryStream();
        var handler = new GlobalExceptionHandler(scope.ServiceProvider.GetRequiredService<IProblemDetailsService>(), NullLogger<GlobalExceptionHandler>.Instance);

        (await handler.TryHandleAsync(http, exception, Ct)).Should().BeTrue();

        http.Response.Body.Position = 0;
        return await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body, cancellationToken: Ct);
    }
}
