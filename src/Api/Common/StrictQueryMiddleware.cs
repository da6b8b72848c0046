using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Common;

/// <summary>
/// Reads every query parameter of every endpoint strictly, before the endpoint runs, and answers a mistake the way the
/// validators answer one: 400, code <c>validation</c>, <c>errors</c> keyed by the parameter's name. A parameter is
/// given at most once and never holds NUL; a whole number is digits only, after an optional '-' (the framework's
/// binder would also take white space around it and trailing NULs: <c>page=1%00</c> read as 1); an enum is one of its
/// names in any case, as JSON bodies read enums (the binder would also take <c>1</c>, <c>-0</c> or
/// <c>Draft,Published</c>, and refuse <c>streak</c> for <c>Streak</c>; a name in another case is handed to the binder
/// as declared).
/// </summary>
internal sealed class StrictQueryMiddleware(RequestDelegate next)
{
    /// <summary>What the service says of any request whose fields or parameters break a rule (as ValidationBehaviour).</summary>

    // Weak: an endpoint lives as long as its host (tests start many hosts in one process).
    private static readonly ConditionalWeakTable<Endpoint, IReadOnlyList<QueryParameter>> Parameters = new();

    private static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.QueryString.HasValue || context.GetEndpoint() is not { } endpoint)
        {
            return next(context);
        }

        Dictionary<string, string[]>? errors = null;
        Dictionary<string, StringValues>? declared = null;
        foreach (var parameter in Parameters.GetValue(endpoint, QueryParametersOf))
        {
            var values = context.Request.Query[parameter.Name];
            if (values.Count == 0)
            {
                continue;
            }

            if (Check(parameter, values, out var asDeclared) is { } error)
            {
                (errors ??= new(StringComparer.Ordinal))[parameter.Name] = [error];
            }
            else if (asDeclared is not null)
            {
                (declared ??= context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase))[parameter.Name] = asDeclared;
            }
        }

        if (errors is not null)
        {
            return Error.InvalidFields(errors).ToProblem().ExecuteAsync(context);
        }

        if (declared is not null)
        {
            context.Request.Query = new QueryCollection(declared);
        }

        return next(context);
    }

    /// <summary>
    /// The parameters an endpoint's handler takes from the query string: those of a type the framework parses from text
    /// (string, enums, numbers, ...) that are not named in the route or taken from elsewhere by an attribute.
    /// </summary>
    internal static IReadOnlyList<QueryParameter> QueryParametersOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return [];
        }

        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        var found = new List<QueryParameter>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromRouteAttribute>() is not null
                || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null || parameter.GetCustomAttribute<FromFormAttribute>() is not null
                || parameter.GetCustomAttribute<FromServicesAttribute>() is not null || parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                continue;
            }

            var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
            if (fromQuery is null && route?.GetParameter(parameter.Name!) is not null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var kind = type == typeof(string) ? QueryKind.Text
                : type.IsEnum ? QueryKind.Enum
                : type == typeof(int) || type == typeof(long) ? QueryKind.WholeNumber
                : type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>)) ? QueryKind.Other
                : (QueryKind?)null;
            if (kind is { } k)
            {
                found.Add(new QueryParameter(fromQuery?.Name ?? parameter.Name!, type, k));
            }
        }

        return found;
    }

    /// <summary>What is wrong with the parameter's values, or null; a name of an enum given in another case comes back as declared.</summary>
    private static string? Check(QueryParameter parameter, StringValues values, out string? asDeclared)
    {
        asDeclared = null;
        if (values.Count > 1)
        {
            // Which one was meant is not for the service to guess (a text parameter would reach the handler joined by a comma).
            return "Give this parameter once.";
        }

        var value = values[0] ?? string.Empty;
        if (value.Contains('\0'))
        {
            return $"'{parameter.Name}' must not hold the NUL character.";
        }

        switch (parameter.Kind)
        {
            case QueryKind.WholeNumber when !IsWholeNumber(value):
                return $"'{parameter.Name}' must be a whole number.";
            case QueryKind.WholeNumber when parameter.Type == typeof(int) && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return $"'{parameter.Name}' must be a whole number from {int.MinValue} to {int.MaxValue}.";
            case QueryKind.WholeNumber when parameter.Type == typeof(long) && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return $"'{parameter.Name}' must be a whole number from {long.MinValue} to {long.MaxValue}.";
            case QueryKind.Enum:
                var names = EnumNames.GetOrAdd(parameter.Type, Enum.GetNames);
                var name = names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    return $"'{parameter.Name}' must be one of: {string.Join(", ", names)}.";
                }

                asDeclared = name == value ? null : name;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Digits only, after an optional '-': no sign '+', white space, NUL, separators, exponents or other digits than 0-9.</summary>
    private static bool IsWholeNumber(string value)
    {
        var digits = value.StartsWith('-') ? value.AsSpan(1) : value.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}

/// <summary>How a query parameter's text is read.</summary>
internal enum QueryKind
{
    /// <summary>Text, read by the handler (its validator says what it may hold).</summary>
    Text,

    /// <summary>An <c>int</c> or <c>long</c>: digits only, after an optional '-'.</summary>
    WholeNumber,

    /// <summary>One of the enum's names, in any case.</summary>
    Enum,

    /// <summary>Another type the framework parses; no rule of its own here yet (a test keeps the API free of them).</summary>
    Other,
}

/// <summary>A parameter an endpoint takes from the query string.</summary>
internal sealed record QueryParameter(string Name, Type Type, QueryKind Kind);
