using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>The background-job engine (Hangfire): storage by database provider, this node's server, start-up, health.</summary>
public static class JobsModule
{
    public const string DefaultQueue = "default";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(JobsOptions.SectionName);
        services.Configure<JobsOptions>(section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var location = JobStorageLocation.For(
            database.Provider, configuration.GetConnectionString(DependencyInjection.ConnectionStringName), options.PollInterval);

        // Storage and activator are this host's own, registered before AddHangfire (which only adds them when
        // missing, from process-wide statics), so hosts sharing a process never see each other's jobs.
        services.AddSingleton(location);
        services.AddSingleton(_ => location.CreateStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        services.AddSingleton<JobServerIdentity>();
        if (options.Enabled)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.ServerName = sp.GetRequiredService<JobServerIdentity>().Name;
                server.WorkerCount = Math.Max(1, options.WorkerCount);
                server.Queues = [DefaultQueue];
                server.SchedulePollingInterval = options.PollInterval;
                server.HeartbeatInterval = JobsHealthCheck.HeartbeatInterval;
            });
            services.AddHostedService<JobServerStartupGate>();
        }

        services.AddSingleton<JobsInitializer>();
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Adds a job that runs on a schedule (a cron expression, e.g. <see cref="Cron.Daily()"/>, in UTC), registered
    /// in the job storage at start-up under <paramref name="id"/>. Keep the id stable: it is the job's identity.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobDefinition(id, cron, manager => manager.AddOrUpdate<TJob>(
            id, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc })));
        return services;
    }
}
