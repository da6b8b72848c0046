using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Insights.Marking;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Insights.Persistence;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Insights;

internal static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services)
    {
        services.AddSingleton<StatsRecalculationTrigger>();
        services.AddHostedService(sp => sp.GetRequiredService<StatsRecalculationTrigger>());
        services.AddScoped<INotificationHandler<AfterCommit<TopicProgressChangedDomainEvent>>, RequestStatsRecalculation>();
        services.AddScoped<INotificationHandler<AfterCommit<RoadmapFollowedDomainEvent>>, RequestStatsRecalculation>();
        services.AddScoped<INotificationHandler<AfterCommit<LearnerTimeZoneChangedDomainEvent>>, RequestStatsRecalculation>();
        services.AddScoped<IStatsWriter, EfStatsWriter>();
        services.AddScoped<RecalculateEnrolledStatsJob>();
        services.AddScoped<IStatsRecalculationJobs, HangfireStatsRecalculationJobs>();
        services.AddRecurringJob<RecalculatePendingStatsJob>(RecalculatePendingStatsJob.Id, Cron.Minutely());
        services.AddRecurringJob<RecalculateRoadmapInsightsJob>(RecalculateRoadmapInsightsJob.Id, Cron.Hourly());
        return services;
    }
}
