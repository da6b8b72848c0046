using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Roadmap.Infrastructure.Common.Persistence;

internal static class DbErrors
{
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    // SQL Server: a duplicate key in a unique index (2601) or a primary key/unique constraint (2627).
    private const int SqlServerUniqueIndexViolation = 2601;
    private const int SqlServerUniqueConstraintViolation = 2627;

    /// <summary>True when a save failed because the same key or unique value was written first by someone else.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueViolation or SqlitePrimaryKeyViolation,
        SqlException sql => sql.Number is SqlServerUniqueIndexViolation or SqlServerUniqueConstraintViolation,
        _ => false,
    };
}
