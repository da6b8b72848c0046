namespace Roadmap.Domain.Catalog;

public enum RoadmapStatus
{
    Draft,
    Published,
    Archived,
}

public enum TopicKind
{
    Core,
    Optional,
    Alternative,
}

public enum Difficulty
{
    Beginner,
    Intermediate,
    Advanced,
}

public enum ResourceType
{
    Article,
    Video,
    Course,
    Documentation,
    Book,
    Tool,
}
