using Mapster;
using MapsterMapper;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Contracts;

/// <summary>
/// The Insights module's mapping configuration. Stats are mapped as read on a day (<see cref="MapStats"/>), which
/// brings the roadmap's slug and the figures of that day.
/// </summary>
internal sealed class InsightsMappings : IRegister
{
    private const string SlugParameter = "slug";
    private const string TodayParameter = "today";

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<RoadmapInsights, RoadmapInsightsDto>();
        config.NewConfig<CompletionBucket, CompletionBucketDto>();
        config.NewConfig<SectionCompletion, SectionCompletionDto>();
        config.NewConfig<TopicLearners, TopicLearnersDto>();
        config.NewConfig<TopicDays, TopicDaysDto>();
        config.NewConfig<SectionStats, SectionStatsDto>();
        config.NewConfig<LearnerRoadmapStats, RoadmapStatsDto>()
            .Map(d => d.RoadmapSlug, _ => (string)Parameter(SlugParameter))
            .Map(d => d.CurrentStreak, _ => Today().CurrentStreak)
            .Map(d => d.ActiveDaysLast30, _ => Today().ActiveDaysLast30)
            .Map(d => d.ProjectedFinishDate, _ => Today().ProjectedFinishDate);
    }

    /// <summary>Maps <paramref name="stats"/> of the roadmap <paramref name="slug"/> as read at <paramref name="now"/>.</summary>
    public static RoadmapStatsDto MapStats(IMapper mapper, LearnerRoadmapStats stats, string slug, DateTimeOffset now) =>
        mapper.From(stats)
            .AddParameters(SlugParameter, slug)
            .AddParameters(TodayParameter, stats.On(now))
            .AdaptToType<RoadmapStatsDto>();

    private static StatsToday Today() => (StatsToday)Parameter(TodayParameter);

    private static object Parameter(string name) =>
        MapContext.Current?.Parameters.GetValueOrDefault(name)
        ?? throw new InvalidOperationException($"Map stats with {nameof(MapStats)}: the '{name}' parameter is missing.");
}
