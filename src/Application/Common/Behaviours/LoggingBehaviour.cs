using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Behaviours;

/// <summary>Logs each request's name, outcome and elapsed time (never its content, which may be personal).</summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.IsSuccess)
        {
            LogHandled(typeof(TRequest).Name, elapsed);
        }
        else
        {
            LogFailed(typeof(TRequest).Name, response.Error!.Code, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Request} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed with {ErrorCode} in {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string request, string errorCode, double elapsedMs);
}
