using Roadmap.Infrastructure.Common;

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

    /// <summary>
    /// After a round that found fewer marks than <see cref="StatsMarksPerRound"/> (no backlog), the drain starts its
    /// next round this long after the last one began, so that the changes written meanwhile are coalesced: a learner
    /// writing ten times in that time is rebuilt once, not ten times. It adds at most this much to how fresh stats are.
    /// 0 drains round after round.
    /// </summary>
    public int StatsRoundGapMilliseconds { get; set; } = 250;

    /// <summary>
    /// PostgreSQL job storage: how long a distributed lock may be held before another node takes it as a dead node's
    /// (Hangfire.PostgreSql's <c>DistributedLockTimeout</c>, 10 minutes by default there). Locks are not renewed while
    /// held, so a drain lets go of its lock well before this (<see cref="LockHoldAtMost"/>).
    /// </summary>
    public int DistributedLockTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// PostgreSQL job storage: how long a fetched job stays invisible to other nodes after its node stopped renewing it
    /// (Hangfire.PostgreSql's <c>InvisibilityTimeout</c>, sliding: a running node renews it every fifth of it). A job of
    /// a killed node runs again on another node this long after the kill.
    /// </summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 120;

    public JobsDashboardOptions Dashboard { get; set; } = new();

    internal TimeSpan DistributedLockTimeout => TimeSpan.FromSeconds(DistributedLockTimeoutSeconds);

    internal TimeSpan InvisibilityTimeout => TimeSpan.FromSeconds(InvisibilityTimeoutSeconds);

    /// <summary>How long a drain keeps its lock before it lets go (and takes it again when nobody else did): half the lock's timeout, a minute at most.</summary>
    internal TimeSpan LockHoldAtMost => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, DistributedLockTimeout.Ticks / 2));

    internal TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    internal TimeSpan RoundGap => TimeSpan.FromMilliseconds(StatsRoundGapMilliseconds);

    internal TimeSpan QueuePollInterval => TimeSpan.FromMilliseconds(QueuePollMilliseconds);

    /// <summary>Stops the start when a setting lies outside its range.</summary>
    internal void Validate()
    {
        Check(nameof(WorkerCount), WorkerCount, 1, 100);
        Check(nameof(PollIntervalSeconds), PollIntervalSeconds, 1, 3_600);
        Check(nameof(QueuePollMilliseconds), QueuePollMilliseconds, 50, 60_000);
        Check(nameof(StatsMarksPerRound), StatsMarksPerRound, 1, 5_000);
        Check(nameof(StatsRoundGapMilliseconds), StatsRoundGapMilliseconds, 0, 5_000);
        Check(nameof(DistributedLockTimeoutSeconds), DistributedLockTimeoutSeconds, 10, 3_600);
        Check(nameof(InvisibilityTimeoutSeconds), InvisibilityTimeoutSeconds, 10, 3_600);
        Check($"Dashboard:{nameof(JobsDashboardOptions.SessionMinutes)}", Dashboard.SessionMinutes, 1, 1_440);
    }

    private static void Check(string key, int value, int min, int max) => Settings.InRange($"{SectionName}:{key}", value, min, max);
}

/// <summary>The <c>Jobs:Dashboard</c> section.</summary>
public sealed class JobsDashboardOptions
{
    /// <summary>Serve the dashboard at <c>/hangfire</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a dashboard session (the cookie an Admin gets from the session endpoint) lasts.</summary>
    public int SessionMinutes { get; set; } = 15;
}
