namespace Roadmap.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> configuration section: the background-job engine (Hangfire) of this node.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a job server (workers) on this node. Off: the node still enqueues jobs and shows the dashboard.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs this node runs at the same time.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often the scheduler looks for due scheduled and recurring jobs.</summary>
    public int PollIntervalSeconds { get; set; } = 15;

    /// <summary>
    /// How often idle workers look for enqueued jobs. Stats are recalculated by an enqueued job within about a second
    /// of a progress change, so this is short.
    /// </summary>
    public int QueuePollMilliseconds { get; set; } = 200;

    /// <summary>
    /// Stats marks a drain recalculates per transaction (coalesced per learner and roadmap): fewer queries per learner
    /// the larger it is, a longer transaction and more memory too. 1 recalculates one learner at a time.
    /// </summary>
    public int StatsMarksPerRound { get; set; } = 1_000;

    public JobsDashboardOptions Dashboard { get; set; } = new();

    internal TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(1, PollIntervalSeconds));

    internal int MarksPerRound => Math.Clamp(StatsMarksPerRound, 1, 5_000);

    internal TimeSpan QueuePollInterval => TimeSpan.FromMilliseconds(Math.Clamp(QueuePollMilliseconds, 50, 60_000));
}

/// <summary>The <c>Jobs:Dashboard</c> section.</summary>
public sealed class JobsDashboardOptions
{
    /// <summary>Serve the dashboard at <c>/hangfire</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a dashboard session (the cookie an Admin gets from the session endpoint) lasts.</summary>
    public int SessionMinutes { get; set; } = 15;
}
