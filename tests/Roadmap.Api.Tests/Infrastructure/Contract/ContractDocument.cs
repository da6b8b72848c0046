using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Roadmap.Api.Tests.Infrastructure.Contract;

/// <summary>
/// The service's own OpenAPI document, used to check responses as a strict generated client would: the status is
/// documented for the operation, the content type is one the operation declares, and the body validates against
/// that response's schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, evaluated by JsonSchema.Net).
/// </summary>
public sealed partial class ContractDocument
{
    private readonly JsonElement _document;
    private readonly List<(string Method, Regex Path, string Template)> _operations;

    private readonly JsonElement _components;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ContractDocument(string json)
    {
        _document = JsonDocument.Parse(json).RootElement.Clone();
        _components = _document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
            ? schemas
            : JsonDocument.Parse("{}").RootElement;

        var operations = new List<(string Method, Regex Path, string Template)>();
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + TemplateParameter().Replace(Regex.Escape(path.Name), "[^/]+") + "/?$";
            foreach (var method in path.Value.EnumerateObject())
            {
                operations.Add((method.Name.ToUpperInvariant(), new Regex(pattern, RegexOptions.CultureInvariant), path.Name));
            }
        }

        // Literal segments win over parameters: /api/roadmaps/{slug}/export before a template that would also match it.
        _operations = [.. operations.OrderBy(o => o.Template.Count(c => c == '{'))];
    }

    /// <summary>What is wrong with this answer to this request; empty when it keeps to the document.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? contentType, string body, Func<string, bool> hasHeader)
    {
        ArgumentNullException.ThrowIfNull(hasHeader);
        var violations = new List<string>();
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || method == "OPTIONS")
        {
            return violations; // Health, docs, the job dashboard and the document itself are not part of the contract.
        }

        var candidates = _operations.Where(o => o.Path.IsMatch(path)).ToList();
        var operation = candidates.FirstOrDefault(o => o.Method == method || (method == "HEAD" && o.Method == "GET"));
        if (operation.Template is null)
        {
            // No such route or method: the framework's 404/405, not an operation's answer.
            if (status is not (404 or 405))
            {
                violations.Add($"{method} {path} answered {status}, but no operation of the document matches it.");
            }

            return violations;
        }

        var name = $"{operation.Method} {operation.Template}";
        var responses = _document.GetProperty("paths").GetProperty(operation.Template).GetProperty(operation.Method.ToLowerInvariant()).GetProperty("responses");
        var status3 = status.ToString(CultureInfo.InvariantCulture);
        var key = new[] { status3, status3[0] + "XX", "default" }.FirstOrDefault(k => responses.TryGetProperty(k, out _));
        if (key is null)
        {
            violations.Add($"{name} answered {status}, which the document does not list for it ({string.Join(", ", responses.EnumerateObject().Select(r => r.Name))}).");
            return violations;
        }

        var response = responses.GetProperty(key);
        if (response.TryGetProperty("headers", out var headers))
        {
            violations.AddRange(headers.EnumerateObject().Where(h => !hasHeader(h.Name))
                .Select(h => $"{name} answered {status} without the {h.Name} header the document promises."));
        }

        var hasContent = response.TryGetProperty("content", out var content) && content.EnumerateObject().Any();
        if (body.Length == 0 || method == "HEAD")
        {
            if (hasContent && method != "HEAD")
            {
                violations.Add($"{name} answered {status} without a body, but the document gives it a content.");
            }

            return violations;
        }

        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!hasContent || mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            violations.Add($"{name} answered {status} with '{contentType}', but the document lists {(hasContent ? string.Join(", ", content.EnumerateObject().Select(c => c.Name)) : "no content")}.");
            return violations;
        }

        if (!media.TryGetProperty("schema", out _))
        {
            return violations;
        }

        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            violations.Add($"{name} answered {status} with a body that is not JSON: {e.Message}");
            return violations;
        }

        var schema = _schemas.GetOrAdd($"{name} {key} {mediaType}", _ => Compile(media.GetProperty("schema")));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .Distinct(StringComparer.Ordinal).Take(20);
            violations.Add($"{name} answered {status} with a body that breaks its schema:\n    {string.Join("\n    ", errors)}\n    body: {Truncate(body)}");
        }

        return violations;
    }

    /// <summary>
    /// One response schema as a standalone JSON Schema: the document's component schemas become its <c>$defs</c>,
    /// so <c>#/components/schemas/X</c> references resolve as <c>#/$defs/X</c>.
    /// </summary>
    private JsonSchema Compile(JsonElement responseSchema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(_components.GetRawText()),
            ["allOf"] = new JsonArray(JsonNode.Parse(responseSchema.GetRawText())),
        };
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        var id = new Uri($"https://roadmap.test/schemas/{Guid.NewGuid():N}");
        return JsonSchema.Build(JsonDocument.Parse(text).RootElement, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private static string Truncate(string body) => body.Length <= 600 ? body : body[..600] + "…";

    [GeneratedRegex(@"\\\{[^}]+\}")]
    private static partial Regex TemplateParameter();
}
