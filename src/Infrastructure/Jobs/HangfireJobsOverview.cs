using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Roadmap.Application.Jobs;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>Reads the recurring jobs and the recent runs from Hangfire's storage (its monitoring API).</summary>
internal sealed class HangfireJobsOverview(JobStorage storage) : IJobsOverview
{
    public Task<JobsOverviewDto> ReadAsync(int recentRuns, CancellationToken cancellationToken)
    {
        List<RecurringJobStatusDto> recurring;
        using (var connection = storage.GetConnection())
        {
            recurring = [.. connection.GetRecurringJobs()
                .OrderBy(j => j.Id, StringComparer.Ordinal)
                .Select(j => new RecurringJobStatusDto(j.Id, j.Cron, Utc(j.LastExecution), j.LastJobState, Utc(j.NextExecution)))];
        }

        var monitoring = storage.GetMonitoringApi();
        var succeeded = monitoring.SucceededJobs(0, recentRuns).Select(j => new JobRunDto(
            j.Key, Name(j.Value.Job), JobRunState.Succeeded, Utc(j.Value.SucceededAt), j.Value.TotalDuration, Error: null));
        var failed = monitoring.FailedJobs(0, recentRuns).Select(j => new JobRunDto(
            j.Key, Name(j.Value.Job), JobRunState.Failed, Utc(j.Value.FailedAt), DurationMilliseconds: null, j.Value.ExceptionMessage ?? j.Value.Reason));
        List<JobRunDto> runs = [.. succeeded.Concat(failed).OrderByDescending(r => r.FinishedAt).Take(recentRuns)];
        return Task.FromResult(new JobsOverviewDto(recurring, runs));
    }

    /// <summary>The job's class and method; "unknown" when its type no longer loads.</summary>
    private static string Name(Job? job) => job is null ? "unknown" : $"{job.Type.Name}.{job.Method.Name}";

    /// <summary>Hangfire keeps UTC times, some storages without saying so.</summary>
    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
