using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Common.Ports;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Persistence;

/// <summary>
/// SQLite has one writer at a time: a command's transaction begins at its first write, so commands take turns only
/// for their writes. Each test runs commands as <see cref="Application.Common.Behaviours.TransactionBehaviour{TRequest, TResponse}"/>
/// does, each in a scope of its own, on a real SQLite file; the rows written are accounts' display names.
/// </summary>
public sealed class SqliteWriteTurnTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_command_reads_without_the_write_turn_and_takes_it_at_its_first_save_until_it_ends()
    {
        using var learner = await SignIn();
        await using var writer = Command();
        await using var writing = await writer.UnitOfWork.BeginTransactionAsync(Ct);
        (await writer.Db.Users.SingleAsync(u => u.Id == learner.UserId, Ct)).DisplayName.Should().NotBeNullOrEmpty();
        writer.Db.Database.CurrentTransaction.Should().BeNull("nothing is written yet");

        // Another command writes and commits meanwhile: the first one does not hold the turn while it only reads.
        await Rename(learner.UserId, "meanwhile").WaitAsync(Patience, Ct);

        (await writer.Db.Users.SingleAsync(u => u.Id == learner.UserId, Ct)).DisplayName = "first";
        await writer.UnitOfWork.SaveChangesAsync(Ct);
        writer.Db.Database.CurrentTransaction.Should().NotBeNull("the first write began the transaction");

        // Now SQLite's write lock is held until the command ends: another connection cannot begin writing.
        var connectionString = writer.Db.Database.GetConnectionString()!;
        (await CanBeginWriting(connectionString)).Should().BeFalse("the turn is held until the command ends");
        await writer.UnitOfWork.CommitAsync(Ct);
        (await CanBeginWriting(connectionString)).Should().BeTrue();

        (await DisplayName(learner.UserId)).Should().Be("first");
    }

    [Fact]
    public async Task A_statement_that_is_not_a_query_joins_the_command_transaction_and_rolls_back_with_it()
    {
        using var learner = await SignIn();
        await Rename(learner.UserId, "kept");

        await using (var failing = Command())
        {
            await using var transaction = await failing.UnitOfWork.BeginTransactionAsync(Ct);
            await failing.Db.Users.Where(u => u.Id == learner.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "rolled back"), Ct);
            failing.Db.Database.CurrentTransaction.Should().NotBeNull();
            (await failing.Db.Users.AsNoTracking().SingleAsync(u => u.Id == learner.UserId, Ct)).DisplayName.Should().Be("rolled back", "the command sees its own write");

            // Left without a commit, as a failed command is.
        }

        (await DisplayName(learner.UserId)).Should().Be("kept");
    }

    [Fact]
    public async Task A_command_that_writes_nothing_commits_without_taking_the_turn()
    {
        using var learner = await SignIn();
        await using var reader = Command();
        await using (await reader.UnitOfWork.BeginTransactionAsync(Ct))
        {
            await reader.Db.Users.SingleAsync(u => u.Id == learner.UserId, Ct);
            await reader.UnitOfWork.SaveChangesAsync(Ct);

            // Another command writes while this one is still open, then this one commits nothing.
            await Rename(learner.UserId, "meanwhile").WaitAsync(Patience, Ct);
            reader.Db.Database.CurrentTransaction.Should().BeNull();
            await reader.UnitOfWork.CommitAsync(Ct);
        }

        (await DisplayName(learner.UserId)).Should().Be("meanwhile");
    }

    [Fact]
    public async Task More_writers_of_one_topic_than_a_command_has_attempts_all_succeed_one_after_another()
    {
        using var learner = await SignIn();
        var progress = await ReadJson(await learner.Client.GetAsync("/api/me/roadmaps/backend-developer/progress", Ct));
        var topic = progress.GetProperty("topics")[0].GetProperty("topic").GetString();

        // More than ConflictRetryBehaviour's 50 runs: a command run again after losing takes the turn from its start.
        const int writers = 80;
        var responses = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            learner.Client.PutAsJsonAsync($"/api/me/roadmaps/backend-developer/progress/{topic}", new { status = "InProgress", note = $"writer {i}" }, Ct)));

        responses.Select(r => r.StatusCode).Should().OnlyContain(c => c == HttpStatusCode.OK);
        var versions = await Task.WhenAll(responses.Select(async r => (await ReadJson(r)).GetProperty("version").GetInt32()));
        versions.Should().BeEquivalentTo(Enumerable.Range(1, writers), "each write has its own version");
    }

    /// <summary>Whether a connection of its own gets SQLite's write lock (<c>BEGIN IMMEDIATE</c>) within a second.</summary>
    private static async Task<bool> CanBeginWriting(string connectionString)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 1, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await transaction.RollbackAsync(Ct);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return false; // SQLITE_BUSY
        }
    }

    private Scope Command()
    {
        var scope = Factory.Services.CreateAsyncScope();
        return new Scope(scope, scope.ServiceProvider.GetRequiredService<IUnitOfWork>(), scope.ServiceProvider.GetRequiredService<RoadmapDbContext>());
    }

    private async Task Rename(Guid userId, string name)
    {
        await using var command = Command();
        await using var transaction = await command.UnitOfWork.BeginTransactionAsync(Ct);
        (await command.Db.Users.SingleAsync(u => u.Id == userId, Ct)).DisplayName = name;
        await command.UnitOfWork.CommitAsync(Ct);
    }

    private async Task<string> DisplayName(Guid userId)
    {
        await using var command = Command();
        return (await command.Db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Ct)).DisplayName;
    }

    private sealed record Scope(AsyncServiceScope Services, IUnitOfWork UnitOfWork, RoadmapDbContext Db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }
}
