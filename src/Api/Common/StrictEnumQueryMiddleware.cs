using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Roadmap.Api.Common;

/// <summary>
/// Reads enums in the query string as strictly as JSON bodies read them: a name of the enum, nothing else. The
/// framework's binder would also take <c>1</c>, <c>-0</c> or <c>Draft,Published</c>; those are a 400 here, before the
/// endpoint runs. Applies to every endpoint whose handler takes an enum from the query.
/// </summary>
internal sealed class StrictEnumQueryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler && context.Request.QueryString.HasValue)
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (!type.IsEnum || parameter.GetCustomAttribute<FromBodyAttribute>() is not null
                    || parameter.GetCustomAttribute<FromRouteAttribute>() is not null || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null)
                {
                    continue;
                }

                var name = parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;
                foreach (var value in context.Request.Query[name])
                {
                    if (value is null || !Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        (errors ??= [])[name] = [$"One of: {string.Join(", ", Enum.GetNames(type))}."];
                    }
                }
            }

            if (errors is not null)
            {
                return Results.ValidationProblem(errors, detail: "A query parameter has a value this endpoint does not know.")
                    .ExecuteAsync(context);
            }
        }

        return next(context);
    }
}
