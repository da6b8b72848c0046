using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Roadmap.Api.Catalog;
using Roadmap.Api.Catalog.Contracts;
using Roadmap.Api.Common;
using Roadmap.Api.Jobs;
using Roadmap.Api.Learning;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Common.Serialization;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api;

internal static class DependencyInjection
{
    /// <summary>HTTP concerns: JSON shape, problem details, OpenAPI, output cache.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => JsonDefaults.Apply(o.SerializerOptions));

        // Bad input reaches the exception handler as BadHttpRequestException and leaves as a 4xx problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;

            // Every problem has a type and a title (RFC 9457: an absent type means about:blank), as documented.
            context.ProblemDetails.Type ??= "about:blank";
            context.ProblemDetails.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(
                context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            // A chunked body cut off by the server while the framework read it leaves a bare 413 behind.
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                context.ProblemDetails.Detail ??= RequestBodyLimitMiddleware.TooLarge;
            }

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

        // Registered after the default writer: it answers only when the client's Accept header refused JSON.
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();

        services.AddOpenApiContract();

        // Published roadmaps are read far more often than they change; entries are dropped on change. A learner's
        // progress listing is kept until a change of it or of its roadmap is known on this node.
        var revisions = new RoadmapRevisions();
        var generations = new ProgressGenerations();
        services.AddSingleton(revisions).AddSingleton(generations);
        services.AddOutputCache(o =>
        {
            // Slugs are lowercase and case-sensitive: /Backend-Developer is not /backend-developer.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(RoadmapEndpoints.CachePolicy, new CatalogReadCachePolicy(revisions));
            o.AddPolicy(ProgressEndpoints.CachePolicy, new ProgressReadCachePolicy(generations, revisions));
        });
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapPublishedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapVersionPublishedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapArchivedDomainEvent>>, RoadmapCacheInvalidation>();
        services.AddSingleton<INodeMessageHandler, RoadmapChangeMessages>();
        services.AddScoped<INotificationHandler<AfterCommit<TopicProgressChangedDomainEvent>>, ProgressCacheInvalidation>();
        services.AddSingleton<INodeMessageHandler, ProgressChangeMessages>();
        services.AddSingleton<JobsDashboardSessions>();

        // Dashboard session cookies are this node's alone: keys kept in the process's memory, never in a folder that
        // other nodes of the same user on the machine would share (ASP.NET Core's default), and never on disk unencrypted.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        return services;
    }

    /// <summary>
    /// Routing answers a body of the wrong media type with 415 before authorization runs, so an anonymous caller got
    /// 415 instead of 401. Without that routing policy the endpoint's own body reader refuses the body, after
    /// authorization, as the same 415 problem. Call last: a later AddRouting would register the policy again.
    /// </summary>
    public static IServiceCollection DecideAccessBeforeMediaType(this IServiceCollection services)
    {
        foreach (var policy in services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
        {
            services.Remove(policy);
        }

        return services;
    }
}
