using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Behaviours;

/// <summary>
/// Runs every command in one database transaction: committed only when the handler succeeds; a failure result or
/// an exception rolls back everything it wrote. A lost race (a concurrent writer got there first) becomes a Conflict
/// error instead of a lost update. Queries run without one.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
    where TResponse : IResult, IFailureFactory<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        try
        {
            // A handler may save early (IUnitOfWork.SaveChangesAsync), so a lost race can surface inside it too.
            var response = await next();
            if (!response.IsSuccess)
            {
                return response;
            }

            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        catch (ConcurrencyConflictException conflict)
        {
            return TResponse.Failure(Error.Conflict(IRetryOnConflict.ConcurrencyConflictCode, conflict.Message));
        }
    }
}
