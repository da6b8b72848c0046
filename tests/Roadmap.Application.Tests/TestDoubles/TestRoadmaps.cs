using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>Roadmaps made through the domain from <see cref="TestDocuments"/>.</summary>
internal static class TestRoadmaps
{
    public static LearningRoadmap Draft(RoadmapDocument? document = null)
    {
        document ??= TestDocuments.Small();
        return LearningRoadmap.Create(document.Slug, document.ToContent(), FixedClock.Start).Value;
    }

    public static LearningRoadmap Published(RoadmapDocument? document = null)
    {
        var roadmap = Draft(document);
        roadmap.Publish(FixedClock.Start);
        return roadmap;
    }

    public static LearningRoadmap Archived(RoadmapDocument? document = null)
    {
        var roadmap = Published(document);
        roadmap.Archive(FixedClock.Start);
        return roadmap;
    }
}
