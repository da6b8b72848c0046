using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// A one-value read of one table, run as a plain command on the context's connection (in its transaction, if any), for
/// the few small queries every request of a kind makes before anything else: through EF Core's query pipeline such a
/// query costs the service several times what the database spends on it. The statement is written once per provider
/// from the model (table and column names, quoting) and its parameters are bound through the properties' own type
/// mappings, so values are compared in their stored form (SQLite keeps a Guid as text).
/// </summary>
internal sealed class PlainQuery
{
    private readonly ConcurrentDictionary<Type, (string Sql, (string Name, IProperty Property)[] Parameters)> _byContext = new();
    private readonly Type _entity;
    private readonly Func<Func<string, string>, string> _select;
    private readonly string[] _where;

    /// <param name="entity">The entity whose table is read.</param>
    /// <param name="select">The selected value, given a function that turns a property name into its quoted column.</param>
    /// <param name="where">Properties compared for equality with the values given to <see cref="ScalarAsync"/>, in order.</param>
    public PlainQuery(Type entity, Func<Func<string, string>, string> select, params string[] where)
    {
        _entity = entity;
        _select = select;
        _where = where;
    }

    /// <summary>The selected value of the first row (null: no row).</summary>
    public async Task<object?> ScalarAsync(RoadmapDbContext db, CancellationToken cancellationToken, params object[] values)
    {
        var (sql, parameters) = _byContext.GetOrAdd(db.GetType(), _ => Write(db));
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < parameters.Length; i++)
            {
                var (name, property) = parameters[i];
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, values[i]));
            }

            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private (string Sql, (string Name, IProperty Property)[] Parameters) Write(RoadmapDbContext db)
    {
        var entity = db.Model.FindEntityType(_entity) ?? throw new InvalidOperationException($"{_entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var parameters = _where.Select((p, i) => (sql.GenerateParameterName($"p{i}"), entity.FindProperty(p)!)).ToArray();
        var conditions = _where.Select((p, i) => $"{Column(p)} = {sql.GenerateParameterNamePlaceholder($"p{i}")}");
        return ($"SELECT {_select(Column)} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {string.Join(" AND ", conditions)}", parameters);
    }
}
