using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps;

public static class CatalogErrors
{
    public static Error RoadmapChanged(string slug) => Error.PreconditionFailed(
        "roadmap.changed", $"'{slug}' is not the version named in If-Match: read it again, then apply your change.");

    public static Error RoadmapNotFound(string slug) => Error.NotFound("roadmap.not_found", $"No roadmap '{slug}' was found.");

    public static Error TopicNotFound(string roadmapSlug, string topicSlug) =>
        Error.NotFound("topic.not_found", $"Roadmap '{roadmapSlug}' has no topic '{topicSlug}'.");
}
