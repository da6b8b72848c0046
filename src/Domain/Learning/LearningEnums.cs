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

    /// <summary>
    /// The longest name of a topic a request may give: a slug has at most 64 characters, and a topic's id 68 in the
    /// longest of the standard forms .NET reads (<c>{0x…,0x…,{0x…}}</c>).
    /// </summary>
    public const int TopicReferenceMaxLength = 68;
}
