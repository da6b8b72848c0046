using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// A distributed lock in the job storage, so held across every node, tried for at most a given wait: unlike
/// <see cref="DisableConcurrentExecutionAttribute"/>, a job that finds it taken can return at once instead of holding a
/// worker while it waits. Released (and its storage connection closed) when disposed.
/// </summary>
internal sealed class StorageLock : IDisposable
{
    private readonly IStorageConnection _connection;
    private readonly IDisposable _lock;

    private StorageLock(IStorageConnection connection, IDisposable held)
    {
        _connection = connection;
        _lock = held;
    }

    /// <summary>The lock on <paramref name="resource"/>, or null when another holder keeps it past <paramref name="wait"/>.</summary>
    public static StorageLock? TryAcquire(JobStorage storage, string resource, TimeSpan wait)
    {
        var connection = storage.GetConnection();
        try
        {
            return new StorageLock(connection, connection.AcquireDistributedLock(resource, wait));
        }
        catch (Exception ex) when (ex is DistributedLockTimeoutException or PostgreSqlDistributedLockException)
        {
            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _connection.Dispose();
    }
}
