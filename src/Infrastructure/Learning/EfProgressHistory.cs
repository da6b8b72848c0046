using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IProgressHistory"/> in two untracked queries per chunk of learners (statuses, changes), each reading
/// only the columns stats need. The changes come in the order of the covering index on (learner, roadmap, event id),
/// which holds every column read, so PostgreSQL reads them from the index alone, without visiting the table. The
/// queries are EF Core's (translated for each provider, run through their commands); their rows are read straight from
/// the data reader into the values handed out, through the model's value converters, which costs a fraction of
/// materializing them through EF Core for the ~80 rows per learner.
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
                // The changes before the statuses: on PostgreSQL each statement sees what was committed when it began,
                // so statuses read second are at least as new as the changes, and the last event id read is included
                // (read first, the statuses could miss a change whose event the second query saw).
                var read = chunk.ToDictionary(learner => learner, _ => new Dictionary<Guid, HistoryBuilder>());
                await ReadChangesAsync(chunk, read, cancellationToken);
                await ReadStatusesAsync(chunk, read, cancellationToken);
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
        var status = Reader<TopicProgress, ProgressStatus>(nameof(TopicProgress.Status));
        await using var command = query.CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int learner = Ordinal<TopicProgress>(reader, nameof(TopicProgress.LearnerId)), roadmap = Ordinal<TopicProgress>(reader, nameof(TopicProgress.RoadmapId)),
            topic = Ordinal<TopicProgress>(reader, nameof(TopicProgress.TopicId)), statusAt = Ordinal<TopicProgress>(reader, nameof(TopicProgress.Status));
        while (await reader.ReadAsync(cancellationToken))
        {
            On(read, reader.GetGuid(learner), reader.GetGuid(roadmap)).Statuses[reader.GetGuid(topic)] = status(reader, statusAt);
        }
    }

    private async Task ReadChangesAsync(Guid[] chunk, Dictionary<Guid, Dictionary<Guid, HistoryBuilder>> read, CancellationToken cancellationToken)
    {
        var query = db.Set<ProgressEvent>().AsNoTracking()
            .Where(e => chunk.Contains(e.LearnerId))
            .OrderBy(e => e.LearnerId).ThenBy(e => e.RoadmapId).ThenBy(e => e.EventId)
            .Select(e => new { e.EventId, e.LearnerId, e.RoadmapId, e.TopicId, e.From, e.To, e.OccurredAt });
        var status = Reader<ProgressEvent, ProgressStatus>(nameof(ProgressEvent.From));
        var occurredAt = Reader<ProgressEvent, DateTimeOffset>(nameof(ProgressEvent.OccurredAt));
        await using var command = query.CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int id = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.EventId)), learner = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.LearnerId)),
            roadmap = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.RoadmapId)), topic = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.TopicId)),
            from = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.From)), to = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.To)),
            at = Ordinal<ProgressEvent>(reader, nameof(ProgressEvent.OccurredAt));
        while (await reader.ReadAsync(cancellationToken))
        {
            var history = On(read, reader.GetGuid(learner), reader.GetGuid(roadmap));
            history.Changes.Add(new TopicStatusChange(
                reader.GetGuid(topic), status(reader, from), status(reader, to), occurredAt(reader, at)));
            history.LastEventId = Math.Max(history.LastEventId, reader.GetInt64(id));
        }
    }

    /// <summary>Where the column of <typeparamref name="TEntity"/>'s <paramref name="property"/> is in the reader's rows.</summary>
    private int Ordinal<TEntity>(DbDataReader reader, string property) =>
        reader.GetOrdinal(db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetColumnName());

    /// <summary>
    /// Reads a column as the model maps <paramref name="property"/>, through its value converter when it has one
    /// (statuses are kept as their names; SQLite keeps instants as binary numbers, see <see cref="RoadmapDbContext"/>).
    /// </summary>
    private Func<DbDataReader, int, T> Reader<TEntity, T>(string property)
    {
        var converter = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter;
        return converter is null
            ? (reader, ordinal) => reader.GetFieldValue<T>(ordinal)
            : (reader, ordinal) => (T)converter.ConvertFromProvider(reader.GetValue(ordinal))!;
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

    private sealed class HistoryBuilder
    {
        public Dictionary<Guid, ProgressStatus> Statuses { get; } = [];

        public List<TopicStatusChange> Changes { get; } = [];

        public long LastEventId { get; set; }

        public LearnerHistory Build() => new(Statuses, Changes, LastEventId);
    }
}
