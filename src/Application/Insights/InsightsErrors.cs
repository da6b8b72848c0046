using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights;

public static class InsightsErrors
{
    public static Error RoadmapNotFound(string slug) => Error.NotFound("insights.roadmap_not_found", $"No roadmap '{slug}' was found.");

    public static Error LearnerNotFound(Guid id) => Error.NotFound("insights.learner_not_found", $"No learner '{id}' was found.");

    public static Error SignedInOnly { get; } = Error.Unauthorized("insights.signed_in_only", "Stats belong to a signed-in learner.");
}
