using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Roadmap.Infrastructure.Identity;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// The one database of the service, with each module's configuration in its own folder. A subclass per
/// provider carries that provider's migrations (SQLite, PostgreSQL and SQL Server differ in types and SQL).
/// </summary>
public abstract class RoadmapDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>
    /// On SQLite, what begins the command's transaction, run before its first write (<see cref="SqliteFirstWrite"/>)
    /// and then cleared; null outside a command and once it began. Set by <see cref="EfUnitOfWork"/>.
    /// </summary>
    internal Func<CancellationToken, Task>? FirstWrite { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RoadmapDbContext).Assembly);
        TextColumns.Size(modelBuilder, UnitsPerCharacter);
    }

    /// <summary>The length a character of text may take in a column (<see cref="TextColumns"/>): one where lengths count characters.</summary>
    private protected virtual int UnitsPerCharacter => 1;
}

public sealed class SqliteRoadmapDbContext(DbContextOptions<SqliteRoadmapDbContext> options) : RoadmapDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type: store times as sortable integers so they can be compared and ordered in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresRoadmapDbContext(DbContextOptions<PostgresRoadmapDbContext> options) : RoadmapDbContext(options);

public sealed class SqlServerRoadmapDbContext(DbContextOptions<SqlServerRoadmapDbContext> options) : RoadmapDbContext(options)
{
    /// <summary>nvarchar(n) counts UTF-16 units: a character beyond U+FFFF (an emoji) takes two.</summary>
    private protected override int UnitsPerCharacter => 2;
}
