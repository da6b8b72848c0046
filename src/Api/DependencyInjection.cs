using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Roadmap.Api.Catalog;
using Roadmap.Api.Common;
using Roadmap.Api.Jobs;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Common.Serialization;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api;

internal static class DependencyInjection
{
    private const string BearerScheme = "Bearer";

    /// <summary>HTTP concerns: JSON shape, problem details, OpenAPI, output cache.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => JsonDefaults.Apply(o.SerializerOptions));

        // Bad input reaches the exception handler as BadHttpRequestException and leaves as a 4xx problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd(
                "traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);

            // Problems raised by the framework (bad JSON, 401, 415, ...) get a code too, so clients can always switch on it.
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status400BadRequest => "bad_request",
                StatusCodes.Status401Unauthorized => "unauthorized",
                StatusCodes.Status403Forbidden => "forbidden",
                StatusCodes.Status404NotFound => "not_found",
                StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
                StatusCodes.Status413PayloadTooLarge => "payload_too_large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
                StatusCodes.Status429TooManyRequests => "too_many_requests",
                >= 500 => "internal_error",
                _ => "error",
            });
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Roadmap API";
                document.Info.Description = "Learning roadmaps: a catalog of roadmaps, learners' progress and the stats built from it.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The accessToken from POST /api/auth/login.",
                };
                return Task.CompletedTask;
            });

            // Strings are read by a converter (it refuses NUL), which hides their type from the schema exporter.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(string))
                {
                    schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                }
                else if (context.JsonTypeInfo.ElementType == typeof(string))
                {
                    schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
                }

                return Task.CompletedTask;
            });

            // Operations that need a signed-in caller say so, and /docs can send the token.
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });

        // Published roadmaps are read far more often than they change; entries are dropped on change.
        var revisions = new RoadmapRevisions();
        services.AddSingleton(revisions);
        services.AddOutputCache(o =>
        {
            // Slugs are lowercase and case-sensitive: /Backend-Developer is not /backend-developer.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(RoadmapEndpoints.CachePolicy, new CatalogReadCachePolicy(revisions));
        });
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapPublishedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapVersionPublishedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapArchivedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddSingleton<JobsDashboardSessions>();

        return services;
    }

    private static bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property) => property?.AttributeProvider switch
    {
        System.Reflection.PropertyInfo p => new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.Nullable,
        System.Reflection.ParameterInfo p => new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.Nullable,
        _ => false,
    };
}
