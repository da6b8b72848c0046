using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// Account states kept on this node for <see cref="AuthOptions.AccountCacheSeconds"/>, so a signed-in request does
/// not read the database. <see cref="AccountChangesInterceptor"/> evicts an account once a change to it is committed.
/// A read that an eviction overtakes may have seen the state before the change, so it is answered but not kept:
/// evictions are counted, and a state is stored only if none happened since its read began.
/// </summary>
internal sealed class AccountStateCache(IServiceScopeFactory scopes, IOptions<AuthOptions> options)
    : IAccountStates, IAccountStateEviction, IDisposable
{
    /// <summary>Past this many accounts new entries are not kept (those reads go to the database) until old ones expire.</summary>
    private const int MaxEntries = 100_000;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.AccountCacheSeconds);
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly Lock _gate = new();
    private long _evictions;

    public async ValueTask<AccountState?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(userId, out Entry? cached) && cached is not null)
        {
            return cached.State;
        }

        var evictionsBefore = Interlocked.Read(ref _evictions);
        var state = await LoadAsync(userId, cancellationToken);
        if (_lifetime > TimeSpan.Zero)
        {
            // Under the lock evictions take: either this store comes first and the eviction removes it, or the
            // eviction comes first and this store sees its count.
            lock (_gate)
            {
                if (_evictions == evictionsBefore)
                {
                    _entries.Set(userId, new Entry(state), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = 1 });
                }
            }
        }

        return state;
    }

    public void Evict(IReadOnlyCollection<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_gate)
        {
            _evictions++;
            foreach (var userId in userIds)
            {
                _entries.Remove(userId);
            }
        }
    }

    public void EvictAll()
    {
        lock (_gate)
        {
            _evictions++;
            _entries.Clear();
        }
    }

    public void Dispose() => _entries.Dispose();

    private async Task<AccountState?> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAccountStateReader>().ReadAsync(userId, cancellationToken);
    }

    /// <summary>Wraps the state so that an account that does not exist is remembered too.</summary>
    private sealed record Entry(AccountState? State);
}
