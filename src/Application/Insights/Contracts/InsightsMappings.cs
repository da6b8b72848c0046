using Mapster;
using MapsterMapper;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Contracts;

/// <summary>
/// The Insights module's mapping configuration. Stats are mapped as read on a day (<see cref="MapStats"/>,
/// <see cref="MapSummary"/>, <see cref="MapLearnerStats"/>), which brings the roadmap's names and the figures of that day.
/// </summary>
internal sealed class InsightsMappings : IRegister
{
    private const string SlugParameter = "slug";
    private const string TitleParameter = "title";
    private const string TodayParameter = "today";
    private const string CurrentStreakParameter = "currentStreak";

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
        config.NewConfig<LearnerRoadmapStats, RoadmapStatsSummaryDto>()
            .Map(d => d.RoadmapSlug, _ => (string)Parameter(SlugParameter))
            .Map(d => d.RoadmapTitle, _ => (string)Parameter(TitleParameter))
            .Map(d => d.CurrentStreak, _ => Today().CurrentStreak);
        config.NewConfig<LearnerStreaks, LearnerStatsDto>()
            .Map(d => d.CurrentStreak, _ => (int)Parameter(CurrentStreakParameter))
            .Ignore(d => d.Roadmaps);
        config.NewConfig<LeaderboardPlace, LeaderboardEntryDto>();
    }

    /// <summary>Maps <paramref name="stats"/> of the roadmap <paramref name="slug"/> as read at <paramref name="now"/>.</summary>
    public static RoadmapStatsDto MapStats(IMapper mapper, LearnerRoadmapStats stats, string slug, DateTimeOffset now) =>
        mapper.From(stats)
            .AddParameters(SlugParameter, slug)
            .AddParameters(TodayParameter, stats.On(now))
            .AdaptToType<RoadmapStatsDto>();

    /// <summary>Maps <paramref name="stats"/> of the roadmap <paramref name="slug"/> in brief, as read at <paramref name="now"/>.</summary>
    public static RoadmapStatsSummaryDto MapSummary(IMapper mapper, LearnerRoadmapStats stats, string slug, string title, DateTimeOffset now) =>
        mapper.From(stats)
            .AddParameters(SlugParameter, slug)
            .AddParameters(TitleParameter, title)
            .AddParameters(TodayParameter, stats.On(now))
            .AdaptToType<RoadmapStatsSummaryDto>();

    /// <summary>Maps a learner's <paramref name="streaks"/>, as read at <paramref name="now"/>, with their roadmaps' summaries (mapped already).</summary>
    public static LearnerStatsDto MapLearnerStats(IMapper mapper, LearnerStreaks streaks, IReadOnlyList<RoadmapStatsSummaryDto> roadmaps, DateTimeOffset now) =>
        mapper.From(streaks)
            .AddParameters(CurrentStreakParameter, streaks.CurrentStreakOn(now))
            .AdaptToType<LearnerStatsDto>() with { Roadmaps = roadmaps };

    private static StatsToday Today() => (StatsToday)Parameter(TodayParameter);

    private static object Parameter(string name) =>
        MapContext.Current?.Parameters.GetValueOrDefault(name)
        ?? throw new InvalidOperationException($"Map stats with {nameof(MapStats)}: the '{name}' parameter is missing.");
}
