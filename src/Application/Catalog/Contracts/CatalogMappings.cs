using Mapster;
using MapsterMapper;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Contracts;

/// <summary>
/// The Catalog's mapping configuration: documents to domain content and back, the aggregate to its read DTOs.
/// Sections and topics are mapped in the context of their roadmap (<see cref="MapFromRoadmap{TDto}"/>), which
/// knows which topics belong to a section and the slugs that prerequisites (stored as ids) stand for.
/// </summary>
internal sealed class CatalogMappings : IRegister
{
    private const string RoadmapParameter = "roadmap";
    private const string TopicSlugsParameter = "topicSlugs";

    public void Register(TypeAdapterConfig config)
    {
        // A document is validated before it is mapped, so its optional enums and numbers are there.
        config.NewConfig<RoadmapDocument, RoadmapContent>();
        config.NewConfig<SectionDocument, SectionContent>();
        config.NewConfig<TopicDocument, TopicContent>();
        config.NewConfig<ResourceDocument, ResourceContent>().Map(d => d.IsFree, s => s.Free);

        // Export goes through the aggregate's own content, so exporting then importing changes nothing.
        config.NewConfig<LearningRoadmap, RoadmapDocument>()
            .Map(d => d.Sections, s => s.ToContent().Sections)
            .Ignore(d => d.Schema);
        config.NewConfig<SectionContent, SectionDocument>();
        config.NewConfig<TopicContent, TopicDocument>();
        config.NewConfig<ResourceContent, ResourceDocument>().Map(d => d.Free, s => s.IsFree);

        // Translated to SQL by ProjectToType: keep these expressions to what EF Core can translate.
        config.NewConfig<LearningRoadmap, RoadmapSummaryDto>()
            .Map(d => d.TopicCount, s => s.Topics.Count(t => t.RetiredAt == null))
            .Map(d => d.EstimatedMinutes, s => s.Topics.Where(t => t.RetiredAt == null).Sum(t => t.EstimatedMinutes));

        config.NewConfig<LearningRoadmap, RoadmapDto>()
            .Map(d => d.TopicCount, s => s.Topics.Count(t => t.RetiredAt == null))
            .Map(d => d.EstimatedMinutes, s => s.Topics.Where(t => t.RetiredAt == null).Sum(t => t.EstimatedMinutes))
            .Map(d => d.Sections, s => s.Sections.Where(x => x.RetiredAt == null).OrderBy(x => x.Order));
        config.NewConfig<Section, SectionDto>()
            .Map(d => d.Topics, s => CurrentRoadmap().Topics.Where(t => t.RetiredAt == null && t.SectionId == s.Id).OrderBy(t => t.Order));
        config.NewConfig<Topic, TopicDto>()
            .Map(d => d.SectionSlug, s => CurrentRoadmap().Sections.First(x => x.Id == s.SectionId).Slug)
            .Map(d => d.Prerequisites, s => s.Prerequisites.OrderBy(p => p.Position).Select(p => CurrentTopicSlugs()[p.PrerequisiteId]));
        config.NewConfig<Resource, ResourceDto>().Map(d => d.Free, s => s.IsFree);

        config.NewConfig<LearningRoadmap, RoadmapStateDto>();
        config.NewConfig<RoadmapChanges, RoadmapChangesDto>();
        config.NewConfig<LearningRoadmap, RoadmapName>();
    }

    /// <summary>Maps <paramref name="source"/> (the roadmap or one of its parts) in the context of <paramref name="roadmap"/>.</summary>
    public static TDto MapFromRoadmap<TDto>(IMapper mapper, object source, LearningRoadmap roadmap) =>
        mapper.From(source)
            .AddParameters(RoadmapParameter, roadmap)
            .AddParameters(TopicSlugsParameter, roadmap.TopicSlugsById())
            .AdaptToType<TDto>();

    private static LearningRoadmap CurrentRoadmap() => (LearningRoadmap)Parameter(RoadmapParameter);

    private static IReadOnlyDictionary<Guid, string> CurrentTopicSlugs() => (IReadOnlyDictionary<Guid, string>)Parameter(TopicSlugsParameter);

    private static object Parameter(string name) =>
        MapContext.Current?.Parameters.GetValueOrDefault(name)
        ?? throw new InvalidOperationException($"Map roadmap parts with {nameof(MapFromRoadmap)}: the '{name}' parameter is missing.");
}
