using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Roadmap.Api.Common;

/// <summary>
/// The OpenAPI document as the service really behaves: one problem-details schema for every error, the
/// statuses an operation can answer derived from its metadata (authorization, body, rate limit), security on
/// every operation, and request schemas carrying the validators' limits (<see cref="RequestSchemaRules"/>).
/// </summary>
internal static class OpenApiContract
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Accounts and tokens: register, sign in, refresh and sign out. Rate-limited per client address.",
        ["Profile"] = "The signed-in user's own profile.",
        ["Admin"] = "Platform administration, for Admins only.",
        ["Roadmaps"] = "Reading the catalog: published roadmaps for anyone, drafts for Authors and Admins.",
        ["Roadmap authoring"] = "Writing the catalog (Authors and Admins): roadmaps as JSON documents, publishing, archiving.",
        ["Author insights"] = "What Authors and Admins learn of a roadmap's learners: enrollment, activity, completion, skipped topics, time to Done. Calculated by background jobs.",
        ["Learning"] = "The signed-in learner's roadmaps and progress: follow, leave, record progress per topic, read its history and daily activity.",
        ["Insights"] = "Stats built from progress by background jobs: the signed-in learner's completion, time left, streaks and pace per roadmap, " +
            "and their streaks across roadmaps.",
        ["Leaderboards"] = "Per-roadmap rankings by completion or current streak, open to anyone: only learners who opted in " +
            "(showOnLeaderboard) and follow the roadmap, by display name.",
    };

    public static IServiceCollection AddOpenApiContract(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // HEAD is answered wherever GET is (HeadRequests); the document describes the GET.
            var included = o.ShouldInclude;
            o.ShouldInclude = description => included(description) && !HttpMethods.IsHead(description.HttpMethod ?? string.Empty);

            // Strings, times and enums are read by converters (NUL refused, times written as UTC, enums by name), which hide
            // their type from the schema exporter.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(string))
                {
                    schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                }
                else if (context.JsonTypeInfo.Type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String;
                }
                else if (context.JsonTypeInfo.Type == typeof(DateTimeOffset?))
                {
                    schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
                }
                else if (context.JsonTypeInfo.ElementType == typeof(string))
                {
                    schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
                }
                else if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) is { IsEnum: true } enumType)
                {
                    // Enums are read by name only (JsonDefaults), a converter the exporter does not know either. The schema
                    // becomes the enum's shared component, so it never holds null: a property that may be null says so
                    // itself (oneOf null and the reference), and the required ones of requests do not (RequestSchemaRules).
                    schema.Type = JsonSchemaType.String;
                    schema.Enum = [.. Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(n))];
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                DescribeOperation(operation, context.Description.ActionDescriptor.EndpointMetadata, context.Description.ParameterDescriptions, context.Document!);
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                DescribeDocument(document);
                return Task.CompletedTask;
            });
        });

    /// <summary>Marks operations that anyone may call, and that answer differently to a signed-in caller (drafts).</summary>
    public static TBuilder AllowsBearer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(OptionalBearerMetadata.Instance);

    /// <summary>Marks operations whose successful answers carry an <c>ETag</c> (those guarded by <c>If-Match</c> are found by their 412).</summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ETagMetadata.Instance);

    private static void DescribeOperation(
        OpenApiOperation operation,
        IList<object> metadata,
        IList<Microsoft.AspNetCore.Mvc.ApiExplorer.ApiParameterDescription> parameters,
        OpenApiDocument document)
    {
        operation.Responses ??= [];
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };
        if (authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [bearer];
            AddProblem(operation, StatusCodes.Status401Unauthorized, "No valid bearer token.", document);
            if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
            {
                AddProblem(operation, StatusCodes.Status403Forbidden, "The caller's roles do not allow this.", document);
            }
        }
        else
        {
            // Anonymous: an empty requirement; where a token changes the answer, the bearer is offered as an alternative.
            operation.Security = metadata.OfType<OptionalBearerMetadata>().Any() ? [new OpenApiSecurityRequirement(), bearer] : [];
            if (!metadata.OfType<StaleTokens.Ignored>().Any())
            {
                AddProblem(operation, StatusCodes.Status401Unauthorized, "A bearer token was sent and is not valid (one that is sent must be, even here).", document);
            }
        }

        // The size limit applies to any request that declares a body, even where the operation reads none.
        AddProblem(operation, StatusCodes.Status413PayloadTooLarge, "The body is larger than this operation accepts.", document);
        if (parameters.Any(p => p.Source == BindingSource.Body) || metadata.OfType<IAcceptsMetadata>().Any())
        {
            AddProblem(operation, StatusCodes.Status400BadRequest, "The body is not valid JSON for this operation, or breaks a field rule.", document);
            AddProblem(operation, StatusCodes.Status415UnsupportedMediaType, "The body is not application/json in UTF-8.", document);
        }

        // Every query parameter is read strictly (StrictQueryMiddleware): a text one may still be given twice.
        if (parameters.Any(p => p.Source == BindingSource.Query))
        {
            AddProblem(operation, StatusCodes.Status400BadRequest,
                "A query parameter is given twice or holds a value it cannot take (code validation, errors keyed by the parameter).", document);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, StatusCodes.Status429TooManyRequests, "Too many attempts from this client; retry after Retry-After seconds.", document);
            AddRetryAfter(operation, StatusCodes.Status429TooManyRequests);
        }

        // Any operation may find the database unreachable (GlobalExceptionHandler).
        AddProblem(operation, StatusCodes.Status503ServiceUnavailable, "The database cannot be reached just now; retry after Retry-After seconds.", document);
        AddRetryAfter(operation, StatusCodes.Status503ServiceUnavailable);

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            RequestSchemaRules.ApplyToQuery(parameter, operation.OperationId);
        }

        DescribeEntityTags(operation, metadata);
        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers["Location"] = new OpenApiHeader
            {
                Description = "Where the created resource is read.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    /// <summary>
    /// An operation guarded by <c>If-Match</c> (it answers 412) takes the header, one answering 304 takes
    /// <c>If-None-Match</c>, and either, or one marked <see cref="WithETag{TBuilder}"/>, tags what it answers.
    /// </summary>
    private static void DescribeEntityTags(OpenApiOperation operation, IList<object> metadata)
    {
        var guarded = operation.Responses!.ContainsKey("412");
        var revalidated = operation.Responses.ContainsKey("304");
        if (!guarded && !revalidated && !metadata.OfType<ETagMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        if (guarded)
        {
            operation.Parameters.Add(HeaderParameter(
                "If-Match", "Apply only to the state one of these entity tags names (an ETag this API gave); * alone for any existing state."));
        }

        if (revalidated)
        {
            operation.Parameters.Add(HeaderParameter(
                "If-None-Match", "The ETag of the representation the client holds: 304 without a body while it is current."));
        }

        foreach (var (status, entry) in operation.Responses)
        {
            if ((status.StartsWith('2') || status == "304") && entry is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The entity tag of the state answered: send it back as If-Match (or If-None-Match to revalidate).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }

    private static OpenApiParameter HeaderParameter(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void AddRetryAfter(OpenApiOperation operation, int status)
    {
        if (operation.Responses!.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var entry) && entry is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next attempt.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
    }

    private static void AddProblem(OpenApiOperation operation, int status, string description, OpenApiDocument document)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        }
    }

    private static void DescribeDocument(OpenApiDocument document)
    {
        document.Info.Title = "Roadmap API";
        document.Info.Description = "Learning roadmaps: a catalog of roadmaps, learners' progress and the stats built from it. " +
            "Every error is an RFC 9457 problem (application/problem+json) with a traceId and a code.";
        document.Info.Contact = new OpenApiContact { Name = "Roadmap maintainers" };
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };

        // The server is the address the document was asked at (after forwarded headers): without a trailing slash,
        // so a client joining it with "/api/..." does not send "//api/...".
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from POST /api/auth/login.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        RequestSchemaRules.Apply(document.Components.Schemas);

        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
        {
            foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
            {
                if (response.Content?.TryGetValue(ProblemContentType, out var problem) == true)
                {
                    // One shared schema, whatever produced the entry (ProducesProblem, ProducesValidationProblem).
                    problem.Schema = new OpenApiSchemaReference(ProblemSchema, document);
                }
            }

            foreach (var tag in operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            {
                used.Add(tag.Name!);
            }
        }

        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.TryGetValue(name, out var description)
                ? description
                : throw new InvalidOperationException($"The OpenAPI tag '{name}' has no description: add one to {nameof(OpenApiContract)}."),
        }));
    }

    /// <summary>RFC 9457 problem details as this service sends them; other members (extensions) are allowed.</summary>
    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Validation problems (400, 422) carry errors: field or JSON path → messages.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "traceId", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI reference identifying the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A stable, machine-readable code to switch on: validation (a field, query parameter or header breaks a rule; " +
                    "errors names it), bad_request (a body that is missing or is not JSON of the operation's shape; errors then names the JSON " +
                    "path), " +
                    "unauthorized, forbidden, not_found, method_not_allowed, payload_too_large, unsupported_media_type, too_many_requests, " +
                    "database_unavailable, internal_error, or a module's own (roadmap.not_found, learning.progress_changed, ...).",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    private static bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property) => property?.AttributeProvider switch
    {
        System.Reflection.PropertyInfo p => new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.Nullable,
        System.Reflection.ParameterInfo p => new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.Nullable,
        _ => false,
    };

    private sealed class OptionalBearerMetadata
    {
        public static OptionalBearerMetadata Instance { get; } = new();
    }

    private sealed class ETagMetadata
    {
        public static ETagMetadata Instance { get; } = new();
    }
}
