namespace Roadmap.Application.Insights.Contracts;

/// <summary>
/// A roadmap's learners as its author sees them, from the last calculation (<see cref="CalculatedAt"/>; null before
/// the first, with zeros and empty lists). Only learners following the roadmap count.
/// </summary>
public sealed record RoadmapInsightsDto(
    int Enrolled,
    int ActiveLast30Days,
    double AverageCompletion,
    IReadOnlyList<CompletionBucketDto> CompletionBuckets,
    IReadOnlyList<SectionCompletionDto> Sections,
    IReadOnlyList<TopicLearnersDto> MostSkipped,
    IReadOnlyList<TopicDaysDto> MedianDaysToDone,
    DateTimeOffset? CalculatedAt);

public sealed record CompletionBucketDto(double From, double To, int Learners);

public sealed record SectionCompletionDto(string Section, double AverageCompletion);

public sealed record TopicLearnersDto(string Topic, int Learners);

public sealed record TopicDaysDto(string Topic, double Days);
