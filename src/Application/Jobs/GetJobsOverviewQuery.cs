using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Jobs;

/// <summary>The recurring jobs with their last and next run, and the most recent runs of any job, newest first.</summary>
public sealed record GetJobsOverviewQuery : IQuery<Result<JobsOverviewDto>>
{
    /// <summary>Finished runs listed: the most recent succeeded and failed ones together.</summary>
    public const int RecentRuns = 20;
}

/// <summary>What the job scheduler knows of its jobs, as values (its own types stay in Infrastructure).</summary>
public interface IJobsOverview
{
    /// <summary>Every recurring job by id, and the <paramref name="recentRuns"/> most recently finished runs, newest first.</summary>
    Task<JobsOverviewDto> ReadAsync(int recentRuns, CancellationToken cancellationToken);
}

public sealed record JobsOverviewDto(IReadOnlyList<RecurringJobStatusDto> Recurring, IReadOnlyList<JobRunDto> RecentRuns);

/// <summary>
/// A job run on a schedule: its cron expression (UTC), when it last ran and how that run ended (its state now:
/// Succeeded, Failed, Processing, Enqueued...; null before the first run), and when it runs next.
/// </summary>
public sealed record RecurringJobStatusDto(string Id, string Cron, DateTimeOffset? LastRun, string? LastOutcome, DateTimeOffset? NextRun);

/// <summary>A finished run: the job's id, what ran (class and method), Succeeded or Failed, when, how long, and why it failed.</summary>
public sealed record JobRunDto(string JobId, string Name, JobRunState State, DateTimeOffset? FinishedAt, long? DurationMilliseconds, string? Error);

internal sealed class GetJobsOverviewQueryHandler(IJobsOverview jobs) : IRequestHandler<GetJobsOverviewQuery, Result<JobsOverviewDto>>
{
    public async Task<Result<JobsOverviewDto>> Handle(GetJobsOverviewQuery request, CancellationToken cancellationToken) =>
        await jobs.ReadAsync(GetJobsOverviewQuery.RecentRuns, cancellationToken);
}

/// <summary>How a finished run ended.</summary>
public enum JobRunState
{
    Succeeded,
    Failed,
}
