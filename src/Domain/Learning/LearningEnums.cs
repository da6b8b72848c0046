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
    /// The longest name of a topic a request can give: a slug (64 characters at most) or the topic's id, whose longest
    /// form .NET reads is 68 characters (<c>{0x…,0x…,{0x…}}</c>). A longer one names no topic.
    /// </summary>
    public const int TopicReferenceMaxLength = 68;
}
