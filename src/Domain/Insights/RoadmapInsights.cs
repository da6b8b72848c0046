using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Insights;

/// <summary>
/// What an author learns of a roadmap's learners, one row per roadmap, rebuilt whole by every recalculation from the
/// source of truth (enrollments, the learners' stats rows, progress and events), so a recalculation run twice, late
/// or concurrently leaves the figures of the data it read. Only learners following the roadmap count: one who left
/// counts nowhere. Topics and sections are those live in the roadmap's current version, named by their slugs as of
/// the calculation.
/// </summary>
public sealed class RoadmapInsights : AggregateRoot
{
    /// <summary>The window of <see cref="ActiveLast30Days"/>: the 30 × 24 hours before the calculation (UTC, not local days).</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(30);

    /// <summary>How many topics <see cref="MostSkipped"/> lists at most.</summary>
    public const int MostSkippedKept = 10;

    private RoadmapInsights()
    {
    }

    private RoadmapInsights(Guid roadmapId)
    {
        Id = Guid.CreateVersion7();
        RoadmapId = roadmapId;
    }

    public Guid RoadmapId { get; private set; }

    /// <summary>The roadmap's version whose live topics and sections the figures cover.</summary>
    public int RoadmapVersion { get; private set; }

    /// <summary>Learners following the roadmap (active enrollments).</summary>
    public int Enrolled { get; private set; }

    /// <summary>Following learners with an activity event (a topic moved to InProgress or Done) in <see cref="ActiveWindow"/>.</summary>
    public int ActiveLast30Days { get; private set; }

    /// <summary>The mean of the following learners' percent complete (0 for one not yet calculated), one decimal; 0 with no learner.</summary>
    public double AverageCompletion { get; private set; }

    /// <summary>How many following learners fall in each of the ten <see cref="Buckets"/>, always all ten.</summary>
    public IReadOnlyList<CompletionBucket> CompletionBuckets { get; private set; } = [];

    /// <summary>Each live section, in roadmap order, with the mean of the following learners' percent complete in it.</summary>
    public IReadOnlyList<SectionCompletion> Sections { get; private set; } = [];

    /// <summary>Live topics by how many following learners skipped them, most first (roadmap order breaks ties), at most ten.</summary>
    public IReadOnlyList<TopicLearners> MostSkipped { get; private set; } = [];

    /// <summary>Live topics, in roadmap order, with the median of <see cref="DaysToDone"/> over the following learners who have one.</summary>
    public IReadOnlyList<TopicDays> MedianDaysToDone { get; private set; } = [];

    /// <summary>When the figures were rebuilt; null for <see cref="NotYetCalculated"/>.</summary>
    public DateTimeOffset? CalculatedAt { get; private set; }

    /// <summary>
    /// Counts rebuilds: of two recalculations at once, the one that read its sources before the other committed must
    /// not overwrite it, so it conflicts and runs again (as <see cref="LearnerRoadmapStats.Version"/>).
    /// </summary>
    public int Version { get; private set; }

    public static RoadmapInsights Calculate(Guid roadmapId, InsightsSource source, DateTimeOffset now)
    {
        var insights = new RoadmapInsights(roadmapId);
        insights.Recalculate(source, now);
        return insights;
    }

    /// <summary>
    /// What an author sees before the first calculation: no learner, every bucket and live section at 0, no topic
    /// listed, <see cref="CalculatedAt"/> null. Not kept.
    /// </summary>
    public static RoadmapInsights NotYetCalculated(Guid roadmapId, int roadmapVersion, IReadOnlyList<StatsSection> sections, IReadOnlyList<InsightsTopic> topics)
    {
        var insights = new RoadmapInsights(roadmapId);
        insights.Recalculate(InsightsSource.Empty(roadmapVersion, sections, topics), DateTimeOffset.UnixEpoch);
        insights.CalculatedAt = null;
        return insights;
    }

    /// <summary>Rebuilds every figure from <paramref name="source"/>.</summary>
    public void Recalculate(InsightsSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);

        // A following learner without a stats row has not been calculated yet: nothing of theirs is Done, so 0.
        var uncalculated = Math.Max(0, source.Enrolled - source.Completions.Count);
        var percents = source.Completions.Select(c => c.PercentComplete).Concat(Enumerable.Repeat(0.0, uncalculated)).ToList();

        RoadmapVersion = source.RoadmapVersion;
        Enrolled = source.Enrolled;
        ActiveLast30Days = source.ActiveLast30Days;
        AverageCompletion = Mean(percents);
        CompletionBuckets = Buckets(percents);
        Sections = [.. source.Sections.Select(s => new SectionCompletion(
            s.Slug,
            Mean(source.Completions.Select(c => c.Sections.GetValueOrDefault(s.Slug)).Concat(Enumerable.Repeat(0.0, uncalculated)).ToList())))];
        MostSkipped = [.. source.Topics
            .Select((t, order) => (t.Slug, Learners: source.Skipped.GetValueOrDefault(t.Id), order))
            .Where(t => t.Learners > 0)
            .OrderByDescending(t => t.Learners)
            .ThenBy(t => t.order)
            .Take(MostSkippedKept)
            .Select(t => new TopicLearners(t.Slug, t.Learners))];
        MedianDaysToDone = [.. source.Topics
            .Where(t => source.DaysToDone.TryGetValue(t.Id, out var days) && days.Count > 0)
            .Select(t => new TopicDays(t.Slug, Math.Round(Median(source.DaysToDone[t.Id]), 1, MidpointRounding.AwayFromZero)))];
        CalculatedAt = now;
        Version++;
    }

    /// <summary>
    /// The ten completion buckets: [0, 10), [10, 20), … [80, 90) and [90, 100], shown as 0–9.9, 10–19.9, … 90–100
    /// (percent complete has one decimal, so nothing falls between two buckets); every bucket is listed, empty or not.
    /// </summary>
    public static IReadOnlyList<CompletionBucket> Buckets(IEnumerable<double> percents)
    {
        ArgumentNullException.ThrowIfNull(percents);
        var counts = new int[10];
        foreach (var percent in percents)
        {
            counts[Math.Clamp((int)Math.Floor(percent / 10), 0, 9)]++;
        }

        return [.. counts.Select((learners, i) => new CompletionBucket(i * 10, i == 9 ? 100 : (i * 10) + 9.9, learners))];
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count; 0 of none.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// One learner's days to Done per topic, from their changes of one roadmap in the order they happened: from the
    /// first change that moved the topic to InProgress to the first later change that moved it to Done, in days
    /// (24 hours) with their fraction, unrounded. A topic marked Done without an InProgress before it, or not Done since
    /// its first InProgress, has none; later rounds (Done, back to InProgress, Done again) do not count.
    /// </summary>
    public static IReadOnlyDictionary<Guid, double> DaysToDone(IEnumerable<StatsEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var started = new Dictionary<Guid, DateTimeOffset>();
        var days = new Dictionary<Guid, double>();
        foreach (var change in changes.Where(c => c.From != c.To))
        {
            if (change.To == ProgressStatus.InProgress)
            {
                started.TryAdd(change.TopicId, change.OccurredAt);
            }
            else if (change.To == ProgressStatus.Done && started.TryGetValue(change.TopicId, out var start) && !days.ContainsKey(change.TopicId))
            {
                days[change.TopicId] = (change.OccurredAt - start).TotalDays;
            }
        }

        return days;
    }

    private static double Mean(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? 0 : Math.Round(values.Sum() / values.Count, 1, MidpointRounding.AwayFromZero);
}
