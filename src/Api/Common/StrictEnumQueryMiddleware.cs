using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Roadmap.Api.Common;

/// <summary>
/// Reads enums in the query string as JSON bodies read them: a name of the enum in any case, nothing else. The
/// framework's binder would also take <c>1</c>, <c>-0</c> or <c>Draft,Published</c>, and refuse <c>streak</c> for
/// <c>Streak</c>; here the first are a 400 before the endpoint runs, and a name in another case is handed to the
/// binder as declared. Applies to every endpoint whose handler takes an enum from the query.
/// </summary>
internal sealed class StrictEnumQueryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler && context.Request.QueryString.HasValue)
        {
            Dictionary<string, string[]>? errors = null;
            Dictionary<string, StringValues>? declared = null;
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (!type.IsEnum || parameter.GetCustomAttribute<FromBodyAttribute>() is not null
                    || parameter.GetCustomAttribute<FromRouteAttribute>() is not null || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null)
                {
                    continue;
                }

                var name = parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;
                var values = context.Request.Query[name];
                var declaredNames = Enum.GetNames(type);
                var names = values.Select(v => declaredNames.FirstOrDefault(n => string.Equals(n, v, StringComparison.OrdinalIgnoreCase))).ToArray();
                if (names.Any(n => n is null) || names.Length > 1)
                {
                    // Repeated, as any other parameter repeated: which one was meant is not for the service to guess.
                    (errors ??= [])[name] = [$"One of: {string.Join(", ", declaredNames)}, once."];
                }
                else if (!names.SequenceEqual(values, StringComparer.Ordinal))
                {
                    (declared ??= context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase))[name] = names;
                }
            }

            if (errors is not null)
            {
                return Results.ValidationProblem(errors, detail: "A query parameter has a value this endpoint does not know.")
                    .ExecuteAsync(context);
            }

            if (declared is not null)
            {
                context.Request.Query = new QueryCollection(declared);
            }
        }

        return next(context);
    }
}
