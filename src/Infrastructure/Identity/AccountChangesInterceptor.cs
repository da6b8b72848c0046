using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// Evicts cached account states (<see cref="IAccountStateEviction"/>) when a save adds, changes or deletes an account
/// or one of its roles, however it was made (a command, Identity's user manager, a start-up step). The eviction waits
/// for the commit: evicted earlier, a request could read the old state again before the commit and keep it. A save
/// outside a transaction has committed when it returns. Writes that bypass the change tracker (ExecuteUpdate, SQL)
/// are seen when entries expire; this code's own such writes only count failed sign-ins, which tokens do not depend on.
/// </summary>
internal sealed class AccountChangesInterceptor(IAccountStateEviction eviction) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData?.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictIfCommitted(eventData?.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EvictIfCommitted(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Evict(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Evict(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ApplicationUser user:
                    _pending.GetOrCreateValue(context).Users.Add(user.Id);
                    break;
                case IdentityUserRole<Guid> userRole:
                    _pending.GetOrCreateValue(context).Users.Add(userRole.UserId);
                    break;
                case IdentityRole<Guid>:
                    _pending.GetOrCreateValue(context).AllUsers = true;
                    break;
            }
        }
    }

    /// <summary>In a transaction the changes wait for its commit (<see cref="TransactionCommitted"/>).</summary>
    private void EvictIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Evict(context);
        }
    }

    /// <summary>
    /// Evicts what this context saved. What a rolled-back transaction saved stays pending and is evicted with the
    /// context's next commit, which costs one more database read and nothing else.
    /// </summary>
    private void Evict(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.AllUsers)
        {
            eviction.EvictAll();
        }
        else
        {
            eviction.Evict(pending.Users);
        }
    }

    private sealed class Pending
    {
        public HashSet<Guid> Users { get; } = [];

        public bool AllUsers { get; set; }
    }
}
