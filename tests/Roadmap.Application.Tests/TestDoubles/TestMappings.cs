using Mapster;
using MapsterMapper;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>The service's own Mapster configuration, compiled once for the tests, and shorthands over it.</summary>
internal static class TestMappings
{
    public static TypeAdapterConfig Config { get; } = Compiled();

    public static IMapper Mapper { get; } = new Mapper(Config);

    public static RoadmapContent ToContent(this RoadmapDocument document) => Mapper.Map<RoadmapContent>(document);

    public static RoadmapDocument ToDocument(this LearningRoadmap roadmap) => Mapper.Map<RoadmapDocument>(roadmap);

    public static RoadmapDto ToDto(this LearningRoadmap roadmap) => CatalogMappings.MapFromRoadmap<RoadmapDto>(Mapper, roadmap, roadmap);

    private static TypeAdapterConfig Compiled()
    {
        var config = DependencyInjection.CreateMappings();
        config.Compile();
        return config;
    }
}
