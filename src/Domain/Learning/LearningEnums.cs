namespace Roadmap.Domain.Learning;

/// <summary>Where a learner stands on one topic.</summary>
public enum ProgressStatus
{
    NotStarted,
    InProgress,
    Done,
    Skipped,
}

public static class LearningLimits
{
    public const int NoteMaxLength = 2_000;

    /// <summary>A topic slug kept on a progress event (the catalog's slug limit).</summary>
    public const int TopicSlugMaxLength = 64;
}
