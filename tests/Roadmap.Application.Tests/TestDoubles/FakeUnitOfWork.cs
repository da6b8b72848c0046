using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>Records what the transaction behaviour did: begun, committed, rolled back (left without a commit).</summary>
internal sealed class FakeUnitOfWork(Exception? failWith = null) : IUnitOfWork
{
    public int Begun { get; private set; }

    public int Commits { get; private set; }

    public int RolledBack { get; private set; }

    public CancellationToken LastToken { get; private set; }

    public Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        Begun++;
        return Task.FromResult<IAsyncDisposable>(new Scope(this));
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        if (failWith is not null)
        {
            throw failWith;
        }

        Commits++;
        return Task.CompletedTask;
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommitSeparatelyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(cancellationToken);
    }

    public void Raise(IDomainEvent domainEvent)
    {
    }

    private sealed class Scope(FakeUnitOfWork unitOfWork) : IAsyncDisposable
    {
        private readonly int _commitsBefore = unitOfWork.Commits;

        public ValueTask DisposeAsync()
        {
            if (unitOfWork.Commits == _commitsBefore)
            {
                unitOfWork.RolledBack++;
            }

            return ValueTask.CompletedTask;
        }
    }
}
