using Roadmap.Domain.Common;

namespace Roadmap.Domain.Learning;

/// <summary>
/// A learner's progress on one topic, by the topic's stable id (so it survives renames). An untouched topic has
/// no row: it reads as <see cref="ProgressStatus.NotStarted"/>, no note, version 0. Every effective change
/// increments <see cref="Version"/>, which is also the optimistic concurrency token.
/// </summary>
public sealed class TopicProgress : AggregateRoot
{
    private TopicProgress()
    {
    }

    private TopicProgress(Guid learnerId, Guid roadmapId, Guid topicId)
    {
        Id = Guid.CreateVersion7();
        LearnerId = learnerId;
        RoadmapId = roadmapId;
        TopicId = topicId;
        Status = ProgressStatus.NotStarted;
    }

    public Guid LearnerId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public Guid TopicId { get; private set; }

    public ProgressStatus Status { get; private set; }

    public string? Note { get; private set; }

    /// <summary>When the progress last changed; null while untouched.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>0 while untouched, 1 after the first change, +1 for every later one.</summary>
    public int Version { get; private set; }

    /// <summary>The progress of a topic nobody wrote yet (version 0); the first change makes it version 1.</summary>
    public static TopicProgress Untouched(Guid learnerId, Guid roadmapId, Guid topicId) => new(learnerId, roadmapId, topicId);

    public Result<bool> MarkInProgress(DateTimeOffset now) => Update(ProgressStatus.InProgress, KeepNote, now);

    public Result<bool> MarkDone(DateTimeOffset now) => Update(ProgressStatus.Done, KeepNote, now);

    public Result<bool> Skip(DateTimeOffset now) => Update(ProgressStatus.Skipped, KeepNote, now);

    public Result<bool> Reset(DateTimeOffset now) => Update(ProgressStatus.NotStarted, KeepNote, now);

    /// <summary>
    /// True when this progress last changed at or after <paramref name="at"/>: a change made elsewhere at that time (one
    /// in an imported document) is not newer, so it must not replace this one. Untouched progress is older than any change.
    /// </summary>
    public bool IsAsRecentAs(DateTimeOffset at) => UpdatedAt is { } updated && updated >= at;

    /// <summary>Marker for <see cref="Update"/>: leave the note as it is.</summary>
    public static NoteChange KeepNote { get; } = new(Keep: true, Text: null);

    /// <summary>Marker for <see cref="Update"/>: set the note (null, empty or only white space clears it).</summary>
    public static NoteChange SetNote(string? text) => new(Keep: false, Text: text);

    /// <summary>
    /// Sets the status and, unless told to keep it, the note (empty or only white space clears it). True when anything changed: then the
    /// version goes up and <see cref="TopicProgressChangedDomainEvent"/> is raised as of <paramref name="now"/>. A note
    /// too long changes nothing. <see cref="UpdatedAt"/> becomes the latest of <paramref name="now"/>,
    /// <paramref name="changedAt"/> (when the change was made where it comes from: an imported document's time, which
    /// may run a little ahead of this clock) and the time it had, so it never goes back and a document imported again
    /// finds its change as recent as its own, even after a later change here.
    /// </summary>
    public Result<bool> Update(ProgressStatus status, NoteChange note, DateTimeOffset now, DateTimeOffset? changedAt = null)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!Enum.IsDefined(status))
        {
            return Error.Validation("status", $"'{status}' is not a progress status.");
        }

        var newNote = note.Keep ? Note : (string.IsNullOrWhiteSpace(note.Text) ? null : note.Text);
        if (!TextLength.IsAtMost(newNote, LearningLimits.NoteMaxLength))
        {
            return Error.Validation(
                "note", $"A note has at most {LearningLimits.NoteMaxLength} characters; this one has {TextLength.InCharacters(newNote)}.");
        }

        if (status == Status && string.Equals(newNote, Note, StringComparison.Ordinal))
        {
            return false;
        }

        var from = Status;
        Status = status;
        Note = newNote;
        UpdatedAt = new[] { now, changedAt ?? now, UpdatedAt ?? now }.Max();
        Version++;
        Raise(new TopicProgressChangedDomainEvent(LearnerId, RoadmapId, TopicId, from, status, Version, now));
        return true;
    }
}

/// <summary>What to do with a note: keep it, or set it to <see cref="Text"/> (null, empty or only white space clears it).</summary>
public sealed record NoteChange(bool Keep, string? Text);
