using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Insights.Persistence;

/// <summary>
/// <see cref="IStatsWriter"/>: on PostgreSQL and SQLite, <c>INSERT … ON CONFLICT … DO UPDATE … WHERE</c> statements
/// built from the EF Core model (columns, value conversions) that update a row only from the version it was rebuilt
/// from; fewer rows written than given means another writer came first. PostgreSQL gets one statement per table, each
/// column an array (unnested); SQLite multi-row <c>VALUES</c> in small chunks (it finds a named parameter by a linear
/// search). SQL Server has no such statement: there the rows are attached, added or updated from their expected
/// version, and saved with the command by EF Core's concurrency check.
/// </summary>
internal sealed class EfStatsWriter(RoadmapDbContext db) : IStatsWriter
{
    /// <summary>SQLite parameters per statement.</summary>
    private const int SqliteParameters = 2_000;

    private const string Version = nameof(LearnerRoadmapStats.Version);

    public async Task SaveAsync(IReadOnlyCollection<LearnerRoadmapStats> stats, IReadOnlyCollection<LearnerStreaks> streaks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(streaks);
        if (stats.DistinctBy(s => (s.LearnerId, s.RoadmapId)).Count() != stats.Count || streaks.DistinctBy(s => s.LearnerId).Count() != streaks.Count)
        {
            throw new ArgumentException("A row can be written once per call.");
        }

        if (db.Database.IsSqlServer())
        {
            await AttachAsync(stats, cancellationToken);
            await AttachAsync(streaks, cancellationToken);
            return;
        }

        var written = await UpsertAsync(stats, [nameof(LearnerRoadmapStats.LearnerId), nameof(LearnerRoadmapStats.RoadmapId)], cancellationToken)
            + await UpsertAsync(streaks, [nameof(LearnerStreaks.LearnerId)], cancellationToken);
        if (written != stats.Count + streaks.Count)
        {
            throw new ConcurrencyConflictException("Stats were recalculated by someone else meanwhile; recalculate them again.");
        }
    }

    /// <summary>Rows not stored yet are added; the others are updated from the version before theirs.</summary>
    private async Task AttachAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : Entity
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var stored = (await db.Set<T>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var row in rows)
        {
            var entry = db.Attach(row);
            entry.State = stored.Contains(row.Id) ? EntityState.Modified : EntityState.Added;
            if (entry.State == EntityState.Modified)
            {
                entry.Property(Version).OriginalValue = (int)entry.Property(Version).CurrentValue! - 1;
            }
        }
    }

    private async Task<int> UpsertAsync<T>(IReadOnlyCollection<T> rows, string[] conflictProperties, CancellationToken cancellationToken)
        where T : Entity
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToList();
        string Column(string property) => sql.DelimitIdentifier(entityType.FindProperty(property)!.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var insert = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(p => Column(p.Name)))})";
        var updated = properties.Where(p => !p.IsPrimaryKey() && !conflictProperties.Contains(p.Name)).Select(p => $"{Column(p.Name)} = excluded.{Column(p.Name)}");
        var onConflict = $"""
             ON CONFLICT ({string.Join(", ", conflictProperties.Select(Column))}) DO UPDATE SET {string.Join(", ", updated)}
             WHERE {tableName}.{Column(Version)} = excluded.{Column(Version)} - 1
            """;

        if (db.Database.IsNpgsql())
        {
            // Each column an array of its base type (the insert still checks lengths): as many parameters as columns.
            var arrays = properties.Select((property, index) => new NpgsqlParameter($"p{index}", ColumnValues(property, rows))).ToArray();
            var unnested = string.Join(", ", properties.Select((property, index) => $"@p{index}::{Mapping(property).StoreTypeNameBase}[]"));
            var statement = $"{insert} SELECT * FROM unnest({unnested}){onConflict}";
            return await db.Database.ExecuteSqlRawAsync(statement, arrays, cancellationToken);
        }

        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var written = 0;
        foreach (var chunk in rows.Chunk(SqliteParameters / properties.Count))
        {
            var parameters = new List<DbParameter>(chunk.Length * properties.Count);
            var values = new StringBuilder();
            foreach (var row in chunk)
            {
                var names = properties.Select(property =>
                {
                    var name = $"p{parameters.Count}";
                    parameters.Add(Mapping(property).CreateParameter(factory, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(row), property.IsNullable));
                    return sql.GenerateParameterNamePlaceholder(name);
                });
                values.Append(values.Length == 0 ? "(" : ", (").AppendJoin(", ", names).Append(')');
            }

            var statement = $"{insert} VALUES {values}{onConflict}";
            written += await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken);
        }

        return written;
    }

    private static RelationalTypeMapping Mapping(IProperty property) => (RelationalTypeMapping)property.GetRelationalTypeMapping();

    /// <summary>A column's values of every row, as the provider stores them, in an array of their type.</summary>
    private static Array ColumnValues<T>(IProperty property, IReadOnlyCollection<T> rows)
        where T : class
    {
        var converter = Mapping(property).Converter;
        var values = Array.CreateInstance(converter?.ProviderClrType ?? property.ClrType, rows.Count);
        var index = 0;
        foreach (var row in rows)
        {
            var value = property.GetGetter().GetClrValue(row);
            values.SetValue(value is null ? null : converter?.ConvertToProvider(value) ?? value, index++);
        }

        return values;
    }
}
