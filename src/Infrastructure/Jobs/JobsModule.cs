using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Jobs;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>The background-job engine (Hangfire): storage by database provider, this node's server, start-up, health.</summary>
public static class JobsModule
{
    public const string DefaultQueue = "default";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.SectionName));
        var options = Settings.Read<JobsOptions>(configuration, JobsOptions.SectionName);
        options.Validate();
        var database = Settings.Read<DatabaseOptions>(configuration, DatabaseOptions.SectionName);
        var location = JobStorageLocation.For(
            database.Provider, configuration.GetConnectionString(DependencyInjection.ConnectionStringName), options.QueuePollInterval) with
        {
            DistributedLockTimeout = options.DistributedLockTimeout,
            InvisibilityTimeout = options.InvisibilityTimeout,
        };

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
            // Not AddHangfireServer: that one starts processing only once the application has started, after the web
            // server, so a node would serve before its job server exists. Started here with the other hosted services,
            // the gate after it holds the web server until this node's server has announced itself.
            services.AddHostedService(sp =>
            {
                sp.GetRequiredService<IGlobalConfiguration>(); // applies the configuration above (serializer, log provider)
                var server = new BackgroundJobServerOptions
                {
                    ServerName = sp.GetRequiredService<JobServerIdentity>().Name,
                    WorkerCount = options.WorkerCount,
                    Queues = [DefaultQueue],
                    SchedulePollingInterval = options.PollInterval,
                    HeartbeatInterval = JobsHealthCheck.HeartbeatInterval,
                    Activator = sp.GetRequiredService<JobActivator>(),
                    FilterProvider = sp.GetRequiredService<IJobFilterProvider>(),
                    TimeZoneResolver = sp.GetRequiredService<ITimeZoneResolver>(),
                };
                return new BackgroundJobServerHostedService(
                    sp.GetRequiredService<JobStorage>(), server, sp.GetServices<IBackgroundProcess>(), hostApplicationLifetime: null);
            });
            services.AddHostedService<JobServerStartupGate>();
        }

        services.AddSingleton<IJobsOverview, HangfireJobsOverview>();
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
