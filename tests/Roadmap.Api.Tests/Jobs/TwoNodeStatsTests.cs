using System.Collections.Concurrent;
using FluentAssertions;
using Hangfire;
using Hangfire.States;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Infrastructure.Insights;
using Roadmap.Infrastructure.Insights.Persistence;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>
/// The server mode: two nodes, each with its Hangfire server, on one PostgreSQL database (stats marks, stats rows and
/// the job queue all shared). PostgreSQL only: SQLite is the single-node mode. The learners are written by SQL (no
/// accounts: their zone is UTC), each with a stats mark, as progress changes would leave them; the check recomputes
/// every learner's figures from the progress and event tables in SQL.
/// </summary>
public sealed class TwoNodeStatsTests : IAsyncLifetime
{
    private readonly string _database = $"roadmap_test_{Guid.NewGuid():N}";
    private readonly Probe _probe = new();
    private string _maintenance = string.Empty;
    private string _connectionString = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresApiFactory.ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresApiFactory.RequiredVariable))
                ? throw new InvalidOperationException($"{PostgresApiFactory.RequiredVariable} is set but {PostgresApiFactory.ServerVariable} is not.")
                : ValueTask.CompletedTask;
        }

        _maintenance = TestDatabases.Maintenance(server);
        _connectionString = TestDatabases.On(_maintenance, _database);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_maintenance.Length > 0)
        {
            await TestDatabases.DropAsync(_maintenance, _database);
        }
    }

    [Fact]
    public async Task Drains_enqueued_on_two_nodes_each_run_once_and_each_marked_learner_is_recalculated_once()
    {
        await using var first = Started("first");
        await using var second = Started("second");
        var learners = await Learners(from: 1, count: 200);

        // 100 drains, half enqueued by each node: both nodes' workers take them from the one queue.
        var jobs = Enumerable.Range(0, 100)
            .Select(i => (i % 2 == 0 ? first : second).Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<RecalculatePendingStatsJob>(job => job.RunAsync(CancellationToken.None)))
            .ToList();

        var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var finished = await Eventually.Until(() => jobs.Select(monitoring.JobDetails).ToList(), d => d.All(j => j.History[0].StateName == SucceededState.StateName), Ct, TimeSpan.FromSeconds(60));
        foreach (var job in finished)
        {
            // Hangfire's state history: a job fetched twice (by two workers or two nodes) would be Processing twice.
            job.History.Select(h => h.StateName).Should().Equal(SucceededState.StateName, ProcessingState.StateName, EnqueuedState.StateName);
        }

        var servers = finished.Select(j => j.History.Single(h => h.StateName == ProcessingState.StateName).Data["ServerId"]).ToList();
        servers.Should().Contain(s => first.Identity.Owns(s)).And.Contain(s => second.Identity.Owns(s), "both nodes' workers took drains");
        (await Mismatches(learners)).Should().BeEmpty("every mark was drained into a row equal to a recount of the learner's progress and events");
        _probe.Recalculations.Keys.Should().BeEquivalentTo(learners);
        _probe.Recalculations.Values.Should().OnlyContain(r => r.Count == 1,
            "one drain ran at a time: without the lock two drains read the same marks and both rebuild the rows (the second after its conflict)");
    }

    [Fact]
    public async Task A_node_stopped_in_the_middle_of_a_drain_loses_no_mark_and_the_other_node_finishes()
    {
        await using var stopping = Started("stopping");

        // The stopping node recalculates a round of 1,000 marks, then is held in the next round, its transaction open.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.BeforeRound = async (node, round, cancellationToken) =>
        {
            if (node == "stopping" && round == 2)
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        };
        var learners = await Learners(from: 1, count: 1_500);
        stopping.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecalculatePendingStatsJob>(job => job.RunAsync(CancellationToken.None));
        await held.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await using var other = Started("other");

        // Stopping cancels the held round: it rolls back (its marks stay) and the drain's lock is released.
        await stopping.DisposeAsync();

        // The other node drains what is left: the aborted job put back in the queue, or at the latest its minute job.
        (await Eventually.Until(PendingMarks, n => n == 0, Ct, TimeSpan.FromSeconds(90))).Should().Be(0);
        (await Mismatches(learners)).Should().BeEmpty();
        _probe.Recalculations.Keys.Should().BeEquivalentTo(learners);
        _probe.Recalculations.Values.Should().OnlyContain(r => r.Count == 1, "the held round committed nothing");
        _probe.Recalculations.Values.Count(r => r.Single() == "stopping").Should().Be(1_000, "the stopping node's first round");
        _probe.Recalculations.Values.Count(r => r.Single() == "other").Should().Be(500);
    }

    [Fact]
    public async Task A_drain_finding_one_running_returns_at_once_and_the_running_one_takes_the_marks_committed_meanwhile()
    {
        await using var node = Started("node");

        // Only the drains enqueued here run: no minute job to hide a lost wake-up.
        node.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(RecalculatePendingStatsJob.Id);
        var learners = await Learners(from: 1, count: 10);

        // The running drain is held after its last read found no mark left, still holding the lock.
        var atEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.AfterListing = async (_, found, cancellationToken) =>
        {
            if (found == 0 && atEnd.TrySetResult())
            {
                await release.Task.WaitAsync(cancellationToken);
            }
        };
        var jobs = node.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<RecalculatePendingStatsJob>(job => job.RunAsync(CancellationToken.None));
        await atEnd.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // A learner's change commits its mark now, and its node enqueues a drain: that one finds the lock taken.
        var late = await Learners(from: 11, count: 1);
        var second = jobs.Enqueue<RecalculatePendingStatsJob>(job => job.RunAsync(CancellationToken.None));
        var monitoring = node.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        (await Eventually.Until(() => monitoring.JobDetails(second).History[0].StateName, s => s == SucceededState.StateName, Ct))
            .Should().Be(SucceededState.StateName, "the second drain returned at once, holding no worker while the first runs");
        (await PendingMarks()).Should().Be(1);

        // Released, the running drain looks once more after giving up the lock, and takes the late mark.
        release.SetResult();
        (await Eventually.Until(PendingMarks, n => n == 0, Ct)).Should().Be(0, "no wake-up is lost between the two drains");
        (await Mismatches([.. learners, .. late])).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_rounds_of_the_same_marks_that_both_read_before_either_writes_end_with_one_conflict_and_rows_equal_to_a_recount()
    {
        await using var node = Started("node");
        node.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(RecalculatePendingStatsJob.Id);
        var learners = await Learners(from: 1, count: 50);
        IReadOnlyList<PendingStats> listed;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            listed = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListPendingStatsQuery(learners.Count), Ct)).Value;
        }

        // Neither holds anything while it reads: both have read before either writes.
        var arrived = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.BeforeStatsWrite = async ct =>
        {
            var order = Interlocked.Increment(ref arrived);
            if (order == 2)
            {
                bothRead.TrySetResult();
            }

            if (order <= 2)
            {
                await bothRead.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
        };
        var rounds = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecalculateStatsBatchCommand(listed), Ct);
        }));
        _probe.BeforeStatsWrite = null;

        rounds.Should().OnlyContain(r => r.IsSuccess);
        arrived.Should().Be(3, "the later write found rows of another version than it rebuilt from, conflicted and ran again");
        (await PendingMarks()).Should().Be(0);
        (await Mismatches(learners)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_drain_in_turn_ends_once_the_marks_written_before_it_are_drained_though_the_lock_stays_taken()
    {
        await using var node = Started("node");
        node.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(RecalculatePendingStatsJob.Id);
        var storage = node.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();

        // A running drain keeps the lock throughout, as one may for a minute at a time under a steady stream of writes.
        using var running = StorageLock.TryAcquire(storage, RecalculatePendingStatsJob.Lock, TimeSpan.FromSeconds(5));
        running.Should().NotBeNull();
        var learners = await Learners(from: 1, count: 10);
        var inTurn = node.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecalculatePendingStatsJob>(job => job.RunInTurnAsync(CancellationToken.None));

        // It has read which marks were written before it began, and looks again; then more marks come.
        await Eventually.Until(() => _probe.SpanReads, n => n >= 2, Ct);
        var late = await Learners(from: 11, count: 10);

        // The holder drains the marks written before it (the oldest), as the running drain does round by round.
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var pending = await mediator.Send(new ListPendingStatsQuery(learners.Count), Ct);
            (await mediator.Send(new RecalculateStatsBatchCommand(pending.Value), Ct)).IsSuccess.Should().BeTrue();
        }

        (await Eventually.Until(() => monitoring.JobDetails(inTurn).History[0].StateName, s => s == SucceededState.StateName, Ct, TimeSpan.FromSeconds(20)))
            .Should().Be(SucceededState.StateName, "what continues it needs the marks written before it drained, not the lock, nor every later mark");
        (await PendingMarks()).Should().Be(late.Count);
        (await Mismatches(learners)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_drain_in_turn_that_holds_the_lock_stops_at_the_marks_written_before_it_while_more_keep_coming()
    {
        await using var node = Started("node");
        node.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(RecalculatePendingStatsJob.Id);
        var monitoring = node.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var learners = await Learners(from: 1, count: 10);

        // Every round, one more learner writes: marks never run out.
        var writer = 100;
        _probe.BeforeRound = (_, _, _) => Learners(from: Interlocked.Increment(ref writer), count: 1);
        var inTurn = node.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecalculatePendingStatsJob>(job => job.RunInTurnAsync(CancellationToken.None));

        var state = await Eventually.Until(() => monitoring.JobDetails(inTurn).History[0].StateName, s => s == SucceededState.StateName, Ct, TimeSpan.FromSeconds(20));
        _probe.BeforeRound = null;
        state.Should().Be(SucceededState.StateName, "what continues it waits for it, and marks written after it began are the usual drains' work");
        (await Mismatches(learners)).Should().BeEmpty();
    }

    private Node Started(string name)
    {
        Assert.SkipWhen(_maintenance.Length == 0, $"PostgreSQL tests need {PostgresApiFactory.ServerVariable}.");
        var node = new Node(name, _connectionString, _probe);
        node.CreateClient().Dispose();
        return node;
    }

    /// <summary>
    /// <paramref name="count"/> learners following the seeded roadmap, each with progress on its first one to three
    /// topics (the first Done, the others InProgress), the events that led there, and one stats mark.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> Learners(int from, int count)
    {
        await Execute(_connectionString, $"""
            CREATE TEMP TABLE seeded_topics AS
            SELECT t."Id" AS id, t."Slug" AS slug, t."RoadmapId" AS roadmap, row_number() OVER (ORDER BY s."Order", t."Order") AS n
            FROM topics t JOIN sections s ON s."Id" = t."SectionId" JOIN roadmaps r ON r."Id" = t."RoadmapId"
            WHERE r."Slug" = 'backend-developer' AND t."RetiredAt" IS NULL AND s."RetiredAt" IS NULL;
            CREATE TEMP TABLE seeded_learners AS
            SELECT md5('two-node-learner-' || n)::uuid AS id, n FROM generate_series({from}, {from + count - 1}) AS n;
            CREATE TEMP TABLE touched AS
            SELECT l.id AS learner, l.n AS ln, t.id AS topic, t.slug, t.roadmap, t.n AS tn,
                   now() - interval '2 days' + t.n * interval '1 hour' AS at, CASE WHEN t.n = 1 THEN 'Done' ELSE 'InProgress' END AS status
            FROM seeded_learners l JOIN seeded_topics t ON t.n <= 1 + l.n % 3;
            INSERT INTO enrollments ("Id", "LearnerId", "RoadmapId", "EnrolledAt", "LeftAt", "LastActivityAt")
            SELECT md5('two-node-enrollment-' || l.n)::uuid, l.id, (SELECT roadmap FROM seeded_topics LIMIT 1), now() - interval '3 days', NULL, now()
            FROM seeded_learners l;
            INSERT INTO progress_events ("LearnerId", "RoadmapId", "TopicId", "TopicSlug", "From", "To", "OccurredAt")
            SELECT learner, roadmap, topic, slug, 'NotStarted', 'InProgress', at FROM touched
            UNION ALL
            SELECT learner, roadmap, topic, slug, 'InProgress', 'Done', at + interval '10 minutes' FROM touched WHERE status = 'Done';
            INSERT INTO topic_progress ("Id", "LearnerId", "RoadmapId", "TopicId", "Status", "Note", "UpdatedAt", "Version")
            SELECT md5(learner::text || topic::text)::uuid, learner, roadmap, topic, status, NULL, at, CASE WHEN status = 'Done' THEN 2 ELSE 1 END
            FROM touched;
            INSERT INTO stats_marks ("Id", "LearnerId", "RoadmapId", "MarkedAt")
            SELECT md5('two-node-mark-' || l.n)::uuid, l.id, (SELECT roadmap FROM seeded_topics LIMIT 1), now() + l.n * interval '1 millisecond'
            FROM seeded_learners l;
            """);
        return [.. Enumerable.Range(from, count).Select(n => new Guid(System.Security.Cryptography.MD5.HashData(
            System.Text.Encoding.UTF8.GetBytes($"two-node-learner-{n}")), bigEndian: true))];
    }

    /// <summary>The learners whose stats row is missing or differs from a recount of their progress and events.</summary>
    private async Task<List<Guid>> Mismatches(IReadOnlyList<Guid> learners)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT l.id FROM unnest(@learners) AS l(id)
            LEFT JOIN learner_roadmap_stats s ON s."LearnerId" = l.id
            WHERE s."Id" IS NULL
               OR s."LastEventId" IS DISTINCT FROM (SELECT max(e."EventId") FROM progress_events e WHERE e."LearnerId" = l.id)
               OR s."Done" <> (SELECT count(*) FROM topic_progress p WHERE p."LearnerId" = l.id AND p."Status" = 'Done')
               OR s."InProgress" <> (SELECT count(*) FROM topic_progress p WHERE p."LearnerId" = l.id AND p."Status" = 'InProgress')
               OR s."LastActiveDate" IS DISTINCT FROM (SELECT max(e."OccurredAt" AT TIME ZONE 'UTC')::date FROM progress_events e WHERE e."LearnerId" = l.id)
            """, connection);
        command.Parameters.AddWithValue("learners", learners.ToArray());
        var mismatches = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            mismatches.Add(reader.GetGuid(0));
        }

        return mismatches;
    }

    private async Task<long> PendingMarks()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM stats_marks", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task Execute(string connectionString, string sql) => TestDatabases.ExecuteAsync(connectionString, sql, Ct);

    /// <summary>
    /// What the nodes' drains did, seen from outside the transaction (so a round counts once it committed), and hooks
    /// that hold a node's drain at a chosen point.
    /// </summary>
    private sealed class Probe
    {
        private int _spanReads;

        /// <summary>Each learner's committed recalculations, by the node that made them.</summary>
        public ConcurrentDictionary<Guid, ConcurrentBag<string>> Recalculations { get; } = new();

        /// <summary>Runs before each round of a node's drains (numbered per node from 1).</summary>
        public Func<string, int, CancellationToken, Task>? BeforeRound { get; set; }

        /// <summary>Runs after each read of the marks, with how many learners it found.</summary>
        public Func<string, int, CancellationToken, Task>? AfterListing { get; set; }

        /// <summary>Reads of the span of the marks left (<see cref="GetStatsMarksSpanQuery"/>), by any node.</summary>
        public int SpanReads => Volatile.Read(ref _spanReads);

        public void SpanRead() => Interlocked.Increment(ref _spanReads);

        /// <summary>Runs before each round writes its rows.</summary>
        public Func<CancellationToken, Task>? BeforeStatsWrite { get; set; }

        /// <summary>Rounds begun, per node.</summary>
        public ConcurrentDictionary<string, int> Rounds { get; } = new();
    }

    /// <summary>The stats writer, after <see cref="Probe.BeforeStatsWrite"/>.</summary>
    private sealed class WriterProbe(IStatsWriter inner, Probe probe) : IStatsWriter
    {
        public async Task SaveAsync(IReadOnlyCollection<LearnerRoadmapStats> stats, IReadOnlyCollection<LearnerStreaks> streaks, CancellationToken cancellationToken)
        {
            if (probe.BeforeStatsWrite is { } before)
            {
                await before(cancellationToken);
            }

            await inner.SaveAsync(stats, streaks, cancellationToken);
        }
    }

    /// <summary>Outermost around a round (retries and transaction inside): counts what committed.</summary>
    private sealed class RoundProbe(string node, Probe probe) : IPipelineBehavior<RecalculateStatsBatchCommand, Result<int>>
    {
        public async Task<Result<int>> Handle(RecalculateStatsBatchCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<int>> next)
        {
            var round = probe.Rounds.AddOrUpdate(node, 1, (_, n) => n + 1);
            if (probe.BeforeRound is { } before)
            {
                await before(node, round, cancellationToken);
            }

            var result = await next();
            if (result.IsSuccess)
            {
                foreach (var learner in request.Items.Select(i => i.LearnerId))
                {
                    probe.Recalculations.GetOrAdd(learner, _ => []).Add(node);
                }
            }

            return result;
        }
    }

    private sealed class ListingProbe(string node, Probe probe) : IPipelineBehavior<ListPendingStatsQuery, Result<IReadOnlyList<PendingStats>>>
    {
        public async Task<Result<IReadOnlyList<PendingStats>>> Handle(
            ListPendingStatsQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<IReadOnlyList<PendingStats>>> next)
        {
            var result = await next();
            if (probe.AfterListing is { } after && result.IsSuccess)
            {
                await after(node, result.Value.Count, cancellationToken);
            }

            return result;
        }
    }

    private sealed class SpanProbe(Probe probe) : IPipelineBehavior<GetStatsMarksSpanQuery, Result<StatsMarksSpan?>>
    {
        public async Task<Result<StatsMarksSpan?>> Handle(
            GetStatsMarksSpanQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<StatsMarksSpan?>> next)
        {
            var result = await next();
            probe.SpanRead();
            return result;
        }
    }

    /// <summary>A node of the service on the shared database, two workers, with the probe's behaviours outermost.</summary>
    private sealed class Node : RoadmapApiFactory
    {
        private readonly string _name;
        private readonly Probe _probe;

        public Node(string name, string connectionString, Probe probe)
        {
            _name = name;
            _probe = probe;
            Set("Database:Provider", "Postgres");
            Set("Database:ApplyMigrations", "true");
            Set("ConnectionStrings:Roadmap", connectionString);
            Set("Jobs:WorkerCount", "2");
        }

        public JobServerIdentity Identity => Services.GetRequiredService<JobServerIdentity>();

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                // First registered, outermost (MediatR 5 wraps behaviours in registration order).
                s.Insert(0, ServiceDescriptor.Scoped<IPipelineBehavior<RecalculateStatsBatchCommand, Result<int>>>(_ => new RoundProbe(_name, _probe)));
                s.Insert(0, ServiceDescriptor.Scoped<IPipelineBehavior<ListPendingStatsQuery, Result<IReadOnlyList<PendingStats>>>>(_ => new ListingProbe(_name, _probe)));
                s.Insert(0, ServiceDescriptor.Scoped<IPipelineBehavior<GetStatsMarksSpanQuery, Result<StatsMarksSpan?>>>(_ => new SpanProbe(_probe)));
                s.AddScoped<IStatsWriter>(sp => new WriterProbe(ActivatorUtilities.CreateInstance<EfStatsWriter>(sp), _probe));
            });
        }
    }
}
