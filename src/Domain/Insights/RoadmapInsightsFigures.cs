namespace Roadmap.Domain.Insights;

/// <summary>Learners whose percent complete is from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record CompletionBucket(double From, double To, int Learners);

/// <summary>A live section and the mean of the following learners' percent complete in it.</summary>
public sealed record SectionCompletion(string Section, double AverageCompletion);

/// <summary>A live topic (its slug) and how many following learners it applies to.</summary>
public sealed record TopicLearners(string Topic, int Learners);

/// <summary>A live topic (its slug) and a number of days, one decimal.</summary>
public sealed record TopicDays(string Topic, double Days);

/// <summary>A live topic of the roadmap's current version, as insights name it.</summary>
public sealed record InsightsTopic(Guid Id, string Slug);

/// <summary>One following learner's completion, from their stats row: overall and per section (by slug).</summary>
public sealed record LearnerCompletion(double PercentComplete, IReadOnlyDictionary<string, double> Sections);

/// <summary>
/// Everything a roadmap's insights are rebuilt from, of the learners following it: how many follow it, how many were
/// active in the window, their completions (those with a stats row), how many skipped each topic, and each topic's
/// days to Done of the learners who have one.
/// </summary>
public sealed record InsightsSource(
    int RoadmapVersion,
    IReadOnlyList<StatsSection> Sections,
    IReadOnlyList<InsightsTopic> Topics,
    int Enrolled,
    int ActiveLast30Days,
    IReadOnlyList<LearnerCompletion> Completions,
    IReadOnlyDictionary<Guid, int> Skipped,
    IReadOnlyDictionary<Guid, IReadOnlyList<double>> DaysToDone)
{
    public static InsightsSource Empty(int roadmapVersion, IReadOnlyList<StatsSection> sections, IReadOnlyList<InsightsTopic> topics) =>
        new(roadmapVersion, sections, topics, 0, 0, [], new Dictionary<Guid, int>(), new Dictionary<Guid, IReadOnlyList<double>>());
}
