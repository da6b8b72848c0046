using Roadmap.Application.Common.Ports;

namespace Roadmap.Application.Tests.TestDoubles;

internal sealed class FakeUnitOfWork(Exception? failWith = null) : IUnitOfWork
{
    public int Saves { get; private set; }

    public CancellationToken LastToken { get; private set; }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        if (failWith is not null)
        {
            throw failWith;
        }

        Saves++;
        return Task.CompletedTask;
    }
}
