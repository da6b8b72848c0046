using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Roadmap.Application;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Infrastructure.Catalog;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Common.Cluster;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Identity;
using Roadmap.Infrastructure.Insights;
using Roadmap.Infrastructure.Jobs;
using Roadmap.Infrastructure.Learning;

namespace Roadmap.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Roadmap";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, SystemClock>();
        services.AddPersistence(configuration);
        services.AddCluster(configuration);
        services.AddMappingsFrom(typeof(DependencyInjection).Assembly);
        services.AddCatalog(configuration);
        services.AddIdentityModule(configuration, environment);
        services.AddJobs(configuration);
        services.AddInsightsModule();
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        DatabaseOptions options;
        try
        {
            options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and its value; a provider misspelt is also told the names it may take.
            var provider = $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}";
            throw new InvalidConfigurationException(ex.Message.Contains($"'{provider}'", StringComparison.Ordinal)
                ? $"{ex.Message} ({provider} is one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())})."
                : ex.Message);
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        // Modules watch saves through interceptors they register as singletons (Identity evicts its cached accounts).
        // Contexts are pooled: building one per request (its internal services) cost more than many of the queries.
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<SqliteWriters>();
                services.AddDbContextPool<SqliteRoadmapDbContext>((sp, o) =>
                    o.UseSqlite(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString).LogFailuresAsWarnings()
                        .AddInterceptors(sp.GetServices<IInterceptor>())
                        .AddInterceptors(new SqliteConnectionSettings(), new SqliteFirstWrite()));
                services.AddScoped<RoadmapDbContext>(sp => sp.GetRequiredService<SqliteRoadmapDbContext>());
                break;
            case DatabaseProvider.Postgres:
                RequireConnectionString(options.Provider, connectionString);
                services.AddDbContextPool<PostgresRoadmapDbContext>((sp, o) => o.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString!)).LogFailuresAsWarnings().AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<RoadmapDbContext>(sp => sp.GetRequiredService<PostgresRoadmapDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                RequireConnectionString(options.Provider, connectionString);
                services.AddDbContextPool<SqlServerRoadmapDbContext>((sp, o) => o.UseSqlServer(connectionString).LogFailuresAsWarnings().AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<RoadmapDbContext>(sp => sp.GetRequiredService<SqlServerRoadmapDbContext>());
                break;
            default:
                throw new InvalidConfigurationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfRepository<>));
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IProgressHistory, EfProgressHistory>();
        services.AddScoped<IRoadmapLearners, EfRoadmapLearners>();
        services.AddScoped<IEnrollmentActivity, EfEnrollmentActivity>();
        services.AddScoped<IRoadmapRevisionReader, EfRoadmapRevisionReader>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<RoadmapDbContext>("database", tags: ["ready"]);
    }

    /// <summary>
    /// EF Core's own records of a failed connection, query or save are warnings: the service decides what a failure is
    /// (an outage is answered 503 and logged as a warning; a conflict is retried or answered 409; anything else is
    /// logged once as an error by the API's exception handler), so alerts on errors do not fire on every database blip.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresAsWarnings(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.ConnectionError, Microsoft.Extensions.Logging.LogLevel.Warning),
            (CoreEventId.QueryIterationFailed, Microsoft.Extensions.Logging.LogLevel.Warning),
            (CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Warning)));

    /// <summary>A server has no sensible default location: its connection string must be configured.</summary>
    private static void RequireConnectionString(DatabaseProvider provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidConfigurationException(
                $"Database:Provider is {provider} but ConnectionStrings:{ConnectionStringName} is not set.");
        }
    }

    private static void AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogOptions.SectionName));
        Settings.Read<CatalogOptions>(configuration, CatalogOptions.SectionName); // read now: a value it cannot read stops the start
        services.AddScoped<RoadmapFileImporter>();
        services.AddScoped<CatalogSeeder>();
    }
}
