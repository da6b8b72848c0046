using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Identity;

namespace Roadmap.Api.Tests.Identity;

/// <summary>The per-node cache of account states on its own, over a reader that counts and can be held mid-read.</summary>
public sealed class AccountStateCacheTests : IDisposable
{
    private readonly FakeReader _reader = new();
    private readonly ServiceProvider _services;
    private readonly Guid _user = Guid.NewGuid();

    public AccountStateCacheTests()
    {
        _services = new ServiceCollection().AddSingleton<IAccountStateReader>(_reader).BuildServiceProvider();
        _reader.States[_user] = new AccountState([Roles.Author, Roles.Learner]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_is_read_once_while_its_entry_lives()
    {
        using var cache = Cache(seconds: 60);

        var first = await cache.FindAsync(_user, Ct);
        var second = await cache.FindAsync(_user, Ct);

        first!.Roles.Should().Equal(Roles.Author, Roles.Learner);
        second.Should().BeSameAs(first);
        _reader.Reads.Should().Be(1);
    }

    [Fact]
    public async Task An_evicted_account_is_read_again()
    {
        using var cache = Cache(seconds: 60);
        await cache.FindAsync(_user, Ct);

        _reader.States[_user] = new AccountState([Roles.Learner]);
        cache.Evict([_user]);
        var after = await cache.FindAsync(_user, Ct);

        after!.Roles.Should().Equal(Roles.Learner);
        _reader.Reads.Should().Be(2);
    }

    [Fact]
    public async Task A_missing_account_is_remembered_too_and_evicting_all_forgets_it()
    {
        using var cache = Cache(seconds: 60);
        var missing = Guid.NewGuid();

        (await cache.FindAsync(missing, Ct)).Should().BeNull();
        (await cache.FindAsync(missing, Ct)).Should().BeNull();
        _reader.Reads.Should().Be(1);

        cache.EvictAll();
        await cache.FindAsync(missing, Ct);
        await cache.FindAsync(_user, Ct);
        _reader.Reads.Should().Be(3);
    }

    [Fact]
    public async Task A_read_overtaken_by_an_eviction_is_answered_but_not_kept()
    {
        using var cache = Cache(seconds: 60);
        var held = _reader.HoldNextRead();

        // The read takes the old state, then the change commits and evicts before the read is stored.
        var racing = cache.FindAsync(_user, Ct).AsTask();
        await held.Read.Task.WaitAsync(Ct);
        _reader.States[_user] = new AccountState([Roles.Learner]);
        cache.Evict([_user]);
        held.Release.SetResult();

        (await racing)!.Roles.Should().Equal(Roles.Author, Roles.Learner);
        (await cache.FindAsync(_user, Ct))!.Roles.Should().Equal(Roles.Learner);
        _reader.Reads.Should().Be(2);
    }

    [Fact]
    public async Task Eviction_of_another_account_also_keeps_a_racing_read_out_and_costs_one_more_read()
    {
        using var cache = Cache(seconds: 60);
        var held = _reader.HoldNextRead();

        var racing = cache.FindAsync(_user, Ct).AsTask();
        await held.Read.Task.WaitAsync(Ct);
        cache.Evict([Guid.NewGuid()]);
        held.Release.SetResult();
        await racing;
        await cache.FindAsync(_user, Ct);
        await cache.FindAsync(_user, Ct);

        _reader.Reads.Should().Be(2);
    }

    [Fact]
    public async Task With_no_lifetime_every_find_reads()
    {
        using var cache = Cache(seconds: 0);

        await cache.FindAsync(_user, Ct);
        await cache.FindAsync(_user, Ct);

        _reader.Reads.Should().Be(2);
    }

    public void Dispose() => _services.Dispose();

    private AccountStateCache Cache(int seconds) =>
        new(_services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new AuthOptions { AccountCacheSeconds = seconds }));

    private sealed class FakeReader : IAccountStateReader
    {
        private int _reads;
        private Held? _held;

        public ConcurrentDictionary<Guid, AccountState> States { get; } = new();

        public int Reads => Volatile.Read(ref _reads);

        public Held HoldNextRead() => _held = new Held();

        public async Task<AccountState?> ReadAsync(Guid userId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            var state = States.GetValueOrDefault(userId);
            if (Interlocked.Exchange(ref _held, null) is { } held)
            {
                held.Read.SetResult();
                await held.Release.Task.WaitAsync(cancellationToken);
            }

            return state;
        }
    }

    private sealed class Held
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
