using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Behaviours;

/// <summary>
/// Runs a command that asks for it (<see cref="IRetryOnConflict"/>) again, in a new transaction, when it lost a race
/// (another writer saved the same row first): its read-modify-write then starts from what the winner left, so no
/// update is lost. Whatever the command expects (an If-Match version) is checked again on each run.
/// </summary>
internal sealed class ConflictRetryBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
    where TResponse : IResult
{
    /// <summary>Each run loses only to a writer that succeeded, so this bounds how many writers may race at once.</summary>
    public const int MaxAttempts = 50;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next();
        if (request is not IRetryOnConflict)
        {
            return response;
        }

        for (var attempt = 1; attempt < MaxAttempts && IsLostRace(response); attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            response = await next();
        }

        return response;
    }

    private static bool IsLostRace(TResponse response) =>
        response.Error is { Type: ErrorType.Conflict, Code: IRetryOnConflict.ConcurrencyConflictCode };
}
