using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning;

public static class LearningErrors
{
    public static Error RoadmapNotFound(string slug) => Error.NotFound("learning.roadmap_not_found", $"No roadmap '{slug}' was found.");

    public static Error RoadmapArchived(string slug) =>
        Error.Conflict("learning.roadmap_archived", $"'{slug}' is archived: it can no longer be followed.");

    public static Error TopicNotFound(string roadmapSlug, string topic) =>
        Error.NotFound("learning.topic_not_found", $"Roadmap '{roadmapSlug}' has no live topic '{topic}'.");

    public static Error NotFollowing(string slug) => Error.NotFound("learning.not_following", $"You do not follow '{slug}'.");

    public static Error ProgressChanged(string topic) => Error.PreconditionFailed(
        "learning.progress_changed", $"Your progress on '{topic}' is not at the version named in If-Match: read it again, then apply your change.");

    public static Error OtherRoadmap(string slug, string documentRoadmap)
    {
        var message = $"This document holds progress on '{documentRoadmap}', not on '{slug}': import it there.";
        return new Error(ErrorType.Unprocessable, "learning.other_roadmap", message, new Dictionary<string, string[]> { ["roadmap"] = [message] });
    }

    public static Error SignedInOnly { get; } = Error.Unauthorized("learning.signed_in_only", "Progress belongs to a signed-in learner.");
}
