using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Domain.Insights;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Insights.Persistence;

/// <summary>
/// <see cref="IStatsWriter"/>: on PostgreSQL and SQLite, multi-row <c>INSERT … ON CONFLICT … DO UPDATE … WHERE</c>
/// statements built from the EF Core model (columns, value conversions), the update allowed only from the version the
/// row was rebuilt from; fewer rows written than given means another writer came first. SQL Server has no such
/// statement: there the rows are attached with their expected version and saved by EF Core's concurrency check.
/// </summary>
internal sealed class EfStatsWriter(RoadmapDbContext db) : IStatsWriter
{
    /// <summary>Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int MaxParameters = 30_000;

    public async Task SaveAsync(IReadOnlyCollection<LearnerRoadmapStats> stats, IReadOnlyCollection<LearnerStreaks> streaks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(streaks);
        if (db.Database.IsSqlServer())
        {
            Attach(stats, s => s.Version);
            Attach(streaks, s => s.Version);
            return;
        }

        var written = await UpsertAsync(stats, [nameof(LearnerRoadmapStats.LearnerId), nameof(LearnerRoadmapStats.RoadmapId)], cancellationToken)
            + await UpsertAsync(streaks, [nameof(LearnerStreaks.LearnerId)], cancellationToken);
        if (written != stats.Count + streaks.Count)
        {
            throw new ConcurrencyConflictException("Stats were recalculated by someone else meanwhile; recalculate them again.");
        }
    }

    /// <summary>New rows (version 1) are added; the others are updated from the version before theirs.</summary>
    private void Attach<T>(IEnumerable<T> rows, Func<T, int> version)
        where T : class
    {
        foreach (var row in rows)
        {
            var entry = db.Attach(row);
            if (version(row) == 1)
            {
                entry.State = EntityState.Added;
                continue;
            }

            entry.State = EntityState.Modified;
            entry.Property("Version").OriginalValue = version(row) - 1;
        }
    }

    /// <summary>A column's values of every row, as the provider stores them, in an array of their type.</summary>
    private static Array ColumnValues<T>(IProperty property, IReadOnlyCollection<T> rows)
        where T : class
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        var values = Array.CreateInstance(type, rows.Count);
        var index = 0;
        foreach (var row in rows)
        {
            var value = property.GetGetter().GetClrValue(row);
            values.SetValue(value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value, index++);
        }

        return values;
    }

    private async Task<int> UpsertAsync<T>(IReadOnlyCollection<T> rows, string[] conflictProperties, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToList();
        var columns = properties.ToDictionary(p => p.Name, p => sql.DelimitIdentifier(p.GetColumnName(table)!));
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var version = columns["Version"];
        var updated = properties.Where(p => !p.IsPrimaryKey() && !conflictProperties.Contains(p.Name)).Select(p => $"{columns[p.Name]} = excluded.{columns[p.Name]}");
        var tail = $"""
             ON CONFLICT ({string.Join(", ", conflictProperties.Select(p => columns[p]))}) DO UPDATE SET {string.Join(", ", updated)}
             WHERE {tableName}.{version} = excluded.{version} - 1
            """;

        await using var factory = db.Database.GetDbConnection().CreateCommand();
        if (db.Database.IsNpgsql())
        {
            // One typed array per column, unnested: as many parameters as columns however many rows.
            var arrays = properties.Select((property, index) => new NpgsqlParameter($"p{index}", ColumnValues(property, rows))).ToArray();
            var unnested = string.Join(", ", properties.Select((property, index) => $"@p{index}::{property.GetColumnType()}[]"));
            var statement = $"INSERT INTO {tableName} ({string.Join(", ", columns.Values)}) SELECT * FROM unnest({unnested}){tail}";
            return await db.Database.ExecuteSqlRawAsync(statement, arrays, cancellationToken);
        }

        var written = 0;
        foreach (var chunk in rows.Chunk(MaxParameters / properties.Count))
        {
            var parameters = new List<DbParameter>(chunk.Length * properties.Count);
            var text = new StringBuilder($"INSERT INTO {tableName} ({string.Join(", ", columns.Values)}) VALUES ");
            foreach (var (row, index) in chunk.Select((row, index) => (row, index)))
            {
                text.Append(index == 0 ? "(" : ", (");
                foreach (var property in properties)
                {
                    var name = $"p{parameters.Count}";
                    parameters.Add(((RelationalTypeMapping)property.GetRelationalTypeMapping()).CreateParameter(
                        factory, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(row), property.IsNullable));
                    text.Append(property == properties[0] ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            written += await db.Database.ExecuteSqlRawAsync(text.Append(tail).ToString(), parameters, cancellationToken);
        }

        return written;
    }
}
