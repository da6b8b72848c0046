using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Roadmap.Infrastructure.Common.Persistence;

// Used only by `dotnet ef migrations add`: the model, not a live database, is what matters there.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRoadmapDbContext>
{
    public SqliteRoadmapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRoadmapDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRoadmapDbContext>
{
    public PostgresRoadmapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRoadmapDbContext>().UseNpgsql("Host=localhost;Database=roadmap").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRoadmapDbContext>
{
    public SqlServerRoadmapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRoadmapDbContext>().UseSqlServer("Server=localhost;Database=roadmap;Integrated Security=true;TrustServerCertificate=true").Options);
}
