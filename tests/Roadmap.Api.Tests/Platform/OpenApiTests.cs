using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;

namespace Roadmap.Api.Tests.Platform;

/// <summary>The API describes itself: an OpenAPI 3.1 document with every route, and browsable docs.</summary>
public sealed class OpenApiTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    [Fact]
    public async Task The_OpenAPI_document_is_version_3_1_and_describes_every_api_route()
    {
        using var client = Client();

        var document = await ReadJson(await client.GetAsync("/openapi/v1.json", Ct));

        document.GetProperty("openapi").GetString().Should().StartWith("3.1");
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        // HEAD is answered wherever GET is (the document describes the GET).
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Where(m => m != "HEAD").Select(m => $"{m} {WithoutConstraints(e.RoutePattern.RawText!)}"))
            .ToList();
        routes.Should().NotBeEmpty();
        routes.Should().BeSubsetOf(described);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("UserProfileDto").GetProperty("properties").GetProperty("email").GetProperty("type").GetString().Should().Be("string");
        schemas.GetProperty("UserProfileDto").GetProperty("properties").GetProperty("roles").GetProperty("items").GetProperty("type").GetString().Should().Be("string");
        schemas.GetProperty("ProgressStatus").GetProperty("enum").EnumerateArray().Select(v => v.GetString())
            .Should().Equal("NotStarted", "InProgress", "Done", "Skipped");
        schemas.GetProperty("ProgressStatus").GetProperty("type").GetString().Should().Be("string");
        // An enum's component never holds null (the validators refuse a null kind, difficulty or resource type, and answers never hold one).
        foreach (var name in new[] { "Difficulty", "TopicKind", "ResourceType" })
        {
            schemas.GetProperty(name).GetProperty("type").GetString().Should().Be("string", name);
            schemas.GetProperty(name).GetProperty("enum").EnumerateArray().Should().NotContain(v => v.ValueKind == System.Text.Json.JsonValueKind.Null, name);
        }

        schemas.GetProperty("TopicDocument").GetProperty("properties").GetProperty("kind").GetProperty("$ref").GetString().Should().EndWith("/TopicKind");
        var put = document.GetProperty("paths").GetProperty("/api/me/roadmaps/{slug}/progress/{topic}").GetProperty("put");
        put.GetProperty("parameters").EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
        put.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).Should().BeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().Should().Be("bearer");
        document.GetProperty("paths").GetProperty("/api/me").GetProperty("get").TryGetProperty("security", out _).Should().BeTrue();
        document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("security").GetArrayLength().Should().Be(0, "anonymous");
        document.GetProperty("paths").GetProperty("/api/roadmaps/{slug}").GetProperty("get").GetProperty("security").EnumerateArray()
            .Should().Contain(r => !r.EnumerateObject().Any(), "anyone may read, with or without a token");
    }

    /// <summary><c>/api/admin/users/{id:guid}/roles/</c> as OpenAPI writes it: <c>/api/admin/users/{id}/roles</c>.</summary>
    private static string WithoutConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');

    [Fact]
    public async Task Every_operation_documents_its_success_and_problem_responses()
    {
        using var client = Client();

        var document = await ReadJson(await client.GetAsync("/openapi/v1.json", Ct));

        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                responses.Should().Contain(r => r.StartsWith('2'), $"{operation.Name} {path.Name} documents its success");
                responses.Should().Contain(r => r.StartsWith('4'), $"{operation.Name} {path.Name} documents its client errors");
            }
        }
    }

    /// <summary>CI lints the served document (Spectral, Redocly): this test writes it where <c>.ci/run</c> asks.</summary>
    [Fact]
    public async Task The_served_document_is_written_for_the_linters()
    {
        using var client = Client();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        document.Should().Contain("\"openapi\"");
        if (Environment.GetEnvironmentVariable("ROADMAP_OPENAPI_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, document, Ct);
        }
    }

    [Fact]
    public async Task The_docs_page_renders_the_document()
    {
        using var client = Client();

        var page = await client.GetAsync("/docs/index.html", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var script = await client.GetStringAsync("/docs/index.js", Ct);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("swagger-ui");
        (html + script).Should().Contain("/openapi/v1.json", "the page is configured with the service's own document");
    }
}
