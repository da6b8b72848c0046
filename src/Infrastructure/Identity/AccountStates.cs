namespace Roadmap.Infrastructure.Identity;

/// <summary>What an existing account may do now: its roles.</summary>
public sealed record AccountState(IReadOnlyList<string> Roles);

/// <summary>
/// The current state of the account a token or a dashboard cookie names, as this node knows it: read through a short
/// per-node cache (<c>Auth:AccountCacheSeconds</c>) that a change committed on this node clears at once.
/// </summary>
public interface IAccountStates
{
    /// <summary>The account's state, or null when the account does not exist (any more).</summary>
    ValueTask<AccountState?> FindAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// The one place that says an account's state changed, called after the change is committed. Here it clears this
/// node's entries; a message between nodes (pub/sub) would clear every node's from here too.
/// </summary>
internal interface IAccountStateEviction
{
    void Evict(IReadOnlyCollection<Guid> userIds);

    /// <summary>A role itself changed (renamed or deleted): every account holding it is affected.</summary>
    void EvictAll();
}

/// <summary>Where <see cref="AccountStateCache"/> reads an account's state when it has none: the database.</summary>
internal interface IAccountStateReader
{
    Task<AccountState?> ReadAsync(Guid userId, CancellationToken cancellationToken);
}
