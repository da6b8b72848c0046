using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IProgressHistory"/> in two untracked queries per chunk of learners (statuses, changes), each reading
/// only the columns stats need. The changes come in the order of the covering index on (learner, roadmap, event id),
/// which holds every column read, so PostgreSQL reads them from the index alone, without visiting the table. The
/// queries are EF Core's (the same SQL on every provider); their rows are read straight from the data reader into the
/// values handed out, which costs a fraction of materializing them through EF Core for the ~80 rows per learner.
/// </summary>
internal sealed class EfProgressHistory(RoadmapDbContext db) : IProgressHistory
{
    /// <summary>Learners per query: well under SQL Server's 2,100 parameters.</summary>
    private const int Chunk = 1_000;

    public async Task<IReadOnlyDictionary<Guid, LearnerProgress>> ReadAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        var progress = new Dictionary<Guid, LearnerProgress>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var chunk in learnerIds.Distinct().Chunk(Chunk))
            {
                var read = chunk.ToDictionary(learner => learner, _ => new Dictionary<Guid, HistoryBuilder>());
                await ReadStatusesAsync(chunk, read, cancellationToken);
                await ReadChangesAsync(chunk, read, cancellationToken);
                foreach (var (learner, roadmaps) in read)
                {
                    progress[learner] = new LearnerProgress(roadmaps.ToDictionary(r => r.Key, r => r.Value.Build()));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return progress;
    }

    private async Task ReadStatusesAsync(Guid[] chunk, Dictionary<Guid, Dictionary<Guid, HistoryBuilder>> read, CancellationToken cancellationToken)
    {
        var query = db.Set<TopicProgress>().AsNoTracking()
            .Where(p => chunk.Contains(p.LearnerId))
            .Select(p => new { p.LearnerId, p.RoadmapId, p.TopicId, p.Status });
        await using var command = CommandFor(query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int learner = reader.GetOrdinal(nameof(TopicProgress.LearnerId)), roadmap = reader.GetOrdinal(nameof(TopicProgress.RoadmapId)),
            topic = reader.GetOrdinal(nameof(TopicProgress.TopicId)), status = reader.GetOrdinal(nameof(TopicProgress.Status));
        while (await reader.ReadAsync(cancellationToken))
        {
            On(read, reader.GetGuid(learner), reader.GetGuid(roadmap)).Statuses[reader.GetGuid(topic)] = Status(reader.GetString(status));
        }
    }

    private async Task ReadChangesAsync(Guid[] chunk, Dictionary<Guid, Dictionary<Guid, HistoryBuilder>> read, CancellationToken cancellationToken)
    {
        var query = db.Set<ProgressEvent>().AsNoTracking()
            .Where(e => chunk.Contains(e.LearnerId))
            .OrderBy(e => e.LearnerId).ThenBy(e => e.RoadmapId).ThenBy(e => e.EventId)
            .Select(e => new { e.EventId, e.LearnerId, e.RoadmapId, e.TopicId, e.From, e.To, e.OccurredAt });
        var occurredAt = OccurredAt();
        await using var command = CommandFor(query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int id = reader.GetOrdinal(nameof(ProgressEvent.EventId)), learner = reader.GetOrdinal(nameof(ProgressEvent.LearnerId)),
            roadmap = reader.GetOrdinal(nameof(ProgressEvent.RoadmapId)), topic = reader.GetOrdinal(nameof(ProgressEvent.TopicId)),
            from = reader.GetOrdinal(nameof(ProgressEvent.From)), to = reader.GetOrdinal(nameof(ProgressEvent.To)),
            at = reader.GetOrdinal(nameof(ProgressEvent.OccurredAt));
        while (await reader.ReadAsync(cancellationToken))
        {
            var history = On(read, reader.GetGuid(learner), reader.GetGuid(roadmap));
            history.Changes.Add(new TopicStatusChange(
                reader.GetGuid(topic), Status(reader.GetString(from)), Status(reader.GetString(to)), occurredAt(reader, at)));
            history.LastEventId = Math.Max(history.LastEventId, reader.GetInt64(id));
        }
    }

    /// <summary>
    /// Reads the time of a change as this provider stores it: SQLite keeps instants as binary numbers (see
    /// <see cref="RoadmapDbContext"/>), through the model's value converter.
    /// </summary>
    private Func<DbDataReader, int, DateTimeOffset> OccurredAt()
    {
        var converter = db.Model.FindEntityType(typeof(ProgressEvent))!.FindProperty(nameof(ProgressEvent.OccurredAt))!.GetTypeMapping().Converter;
        return converter is null
            ? (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal)
            : (reader, ordinal) => (DateTimeOffset)converter.ConvertFromProvider(reader.GetValue(ordinal))!;
    }

    /// <summary>The query's command, in the transaction of this context if one is open.</summary>
    private DbCommand CommandFor<T>(IQueryable<T> query)
    {
        var command = query.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static HistoryBuilder On(Dictionary<Guid, Dictionary<Guid, HistoryBuilder>> read, Guid learner, Guid roadmap)
    {
        var roadmaps = read[learner];
        if (!roadmaps.TryGetValue(roadmap, out var history))
        {
            roadmaps[roadmap] = history = new HistoryBuilder();
        }

        return history;
    }

    /// <summary>The stored name of a status (EF Core keeps enums as their names here).</summary>
    private static ProgressStatus Status(string name) => name switch
    {
        nameof(ProgressStatus.NotStarted) => ProgressStatus.NotStarted,
        nameof(ProgressStatus.InProgress) => ProgressStatus.InProgress,
        nameof(ProgressStatus.Done) => ProgressStatus.Done,
        nameof(ProgressStatus.Skipped) => ProgressStatus.Skipped,
        _ => Enum.Parse<ProgressStatus>(name),
    };

    private sealed class HistoryBuilder
    {
        public Dictionary<Guid, ProgressStatus> Statuses { get; } = [];

        public List<TopicStatusChange> Changes { get; } = [];

        public long LastEventId { get; set; }

        public LearnerHistory Build() => new(Statuses, Changes, LastEventId);
    }
}
