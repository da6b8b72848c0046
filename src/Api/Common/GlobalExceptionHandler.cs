using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

using Roadmap.Application.Common.Serialization;

namespace Roadmap.Api.Common;

/// <summary>
/// Turns exceptions into problem details. A bad request the framework detected (malformed JSON, a wrong
/// type, an unknown enum name, an oversized body) keeps its 4xx status; a database that cannot be reached (down,
/// restarting, refusing connections, timing out) is 503 with <c>Retry-After</c>, logged as a warning: the client may
/// try again and nothing was half-done (a transaction that did not commit is rolled back); anything else is a bug:
/// logged once, 500.
/// </summary>
internal sealed partial class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = bad.InnerException is JsonException json
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [JsonErrors.PathOf(json)] = [JsonErrors.Describe(json)],
                })
                {
                    Detail = "The request body is not valid JSON for this endpoint.",
                }
                : FailedBinding().Match(bad.Message) is { Success: true } binding
                    ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
                    {
                        [binding.Groups["name"].Value] = [Expected(binding.Groups["name"].Value, binding.Groups["type"].Value)],
                    })
                    {
                        // A parameter's mistake, as StrictQueryMiddleware and the validators answer one.
                        Detail = Roadmap.Domain.Common.Error.InvalidFieldsMessage,
                        Extensions = { ["code"] = "validation" },
                    }
                    : new ProblemDetails { Detail = Describe(bad) };
            problem.Status = bad.StatusCode;
        }
        else if (IsDatabaseUnavailable(exception))
        {
            LogDatabaseUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The database cannot be reached just now. Retry after Retry-After seconds.",
                Extensions = { ["code"] = "database_unavailable" },
            };
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Detail = "An unexpected error occurred. Quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Seconds a client is asked to wait when the database cannot be reached.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The database could not be reached or answered "try again": a transient <see cref="DbException"/> (Npgsql: a
    /// refused or broken connection, a timeout, the server starting; and the server shutting down or crashing; SQL Server: its transient
    /// errors; SQLite: a file busy or locked past its timeout) or a socket or timeout failure under one, anywhere in the chain (EF Core
    /// wraps them in <c>DbUpdateException</c> or, with its default execution strategy, <c>InvalidOperationException</c>).
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        var insideDb = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException { IsTransient: true }:
                // PostgreSQL's shutdown and crash (its sessions ended): Npgsql does not count them transient.
                case DbException { SqlState: "57P01" or "57P02" or "57P03" }:
                // SQLite's file busy or locked past the busy timeout (Microsoft.Data.Sqlite counts no error transient).
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
                case DbException:
                    insideDb = true;
                    break;
                case SocketException or TimeoutException or IOException when insideDb:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The framework's words for a route or header value its parameter's type cannot hold (query values are read before,
    /// by <see cref="StrictQueryMiddleware"/>).
    /// </summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from ".*"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();

    /// <summary>What the parameter takes, in the client's terms rather than .NET's type names.</summary>
    private static string Expected(string name, string type) => type.TrimEnd('?') switch
    {
        "int" or "long" => $"'{name}' must be a whole number.",
        "Guid" => $"'{name}' must be an id (a GUID).",
        "DateOnly" => $"'{name}' must be a date (YYYY-MM-DD).",
        "bool" => $"'{name}' must be true or false.",
        _ => $"'{name}' has a value of the wrong type.",
    };

    /// <summary>The framework's words where they help the client, ours where they would only expose internals.</summary>
    private static string Describe(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestBodyLimitMiddleware.TooLarge,
        _ when bad.Message.StartsWith("Implicit body", StringComparison.Ordinal)
            || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) => "The request body is missing or empty.",
        _ => bad.Message,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable for {Method} {Path}: {Reason}")]
    private partial void LogDatabaseUnavailable(string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
