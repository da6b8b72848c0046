using FluentAssertions;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Tests.Learning;

public class TopicProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Learner = Guid.NewGuid();
    private static readonly Guid RoadmapId = Guid.NewGuid();
    private static readonly Guid TopicId = Guid.NewGuid();

    private static TopicProgress Untouched() => TopicProgress.Untouched(Learner, RoadmapId, TopicId);

    [Fact]
    public void An_untouched_topic_is_not_started_at_version_0()
    {
        var progress = Untouched();

        progress.Status.Should().Be(ProgressStatus.NotStarted);
        progress.Version.Should().Be(0);
        progress.UpdatedAt.Should().BeNull();
        progress.Note.Should().BeNull();
        progress.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void Marking_a_topic_done_changes_it_to_version_1_and_raises_the_change()
    {
        var progress = Untouched();

        progress.MarkDone(Now).Value.Should().BeTrue();

        progress.Status.Should().Be(ProgressStatus.Done);
        progress.Version.Should().Be(1);
        progress.UpdatedAt.Should().Be(Now);
        progress.DomainEvents.Should().ContainSingle().Which.Should().Be(
            new TopicProgressChangedDomainEvent(Learner, RoadmapId, TopicId, ProgressStatus.NotStarted, ProgressStatus.Done, 1, Now));
    }

    [Fact]
    public void A_change_that_changes_nothing_keeps_the_version_and_raises_nothing()
    {
        var progress = Untouched();
        progress.MarkInProgress(Now).Value.Should().BeTrue();
        progress.ClearDomainEvents();

        progress.MarkInProgress(Now.AddMinutes(1)).Value.Should().BeFalse();
        progress.Update(ProgressStatus.NotStarted, TopicProgress.KeepNote, Now).Value.Should().BeTrue();
        progress.Update(ProgressStatus.NotStarted, TopicProgress.SetNote(""), Now.AddMinutes(2)).Value.Should().BeFalse("an empty note is no note");

        progress.Version.Should().Be(2);
        progress.UpdatedAt.Should().Be(Now);
        progress.DomainEvents.Should().ContainSingle();
    }

    [Fact]
    public void Resetting_an_untouched_topic_is_no_change()
    {
        var progress = Untouched();

        progress.Reset(Now).Value.Should().BeFalse();

        progress.Version.Should().Be(0);
        progress.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void A_change_of_the_note_alone_is_a_change_from_a_status_to_itself()
    {
        var progress = Untouched();
        progress.Skip(Now).Value.Should().BeTrue();

        progress.Update(ProgressStatus.Skipped, TopicProgress.SetNote("later"), Now.AddMinutes(1)).Value.Should().BeTrue();

        progress.Note.Should().Be("later");
        progress.Version.Should().Be(2);
        progress.DomainEvents.OfType<TopicProgressChangedDomainEvent>().Last()
            .Should().Match<TopicProgressChangedDomainEvent>(e => e.From == ProgressStatus.Skipped && e.To == ProgressStatus.Skipped && e.Version == 2);
    }

    [Fact]
    public void A_kept_note_stays_and_a_null_empty_or_blank_one_clears_it()
    {
        var progress = Untouched();
        progress.Update(ProgressStatus.InProgress, TopicProgress.SetNote("reading"), Now);

        progress.MarkDone(Now).Value.Should().BeTrue();
        progress.Note.Should().Be("reading");

        progress.Update(ProgressStatus.Done, TopicProgress.SetNote(null), Now).Value.Should().BeTrue();
        progress.Note.Should().BeNull();

        progress.Update(ProgressStatus.Done, TopicProgress.SetNote("again"), Now);
        progress.Update(ProgressStatus.Done, TopicProgress.SetNote(" \t\n "), Now).Value.Should().BeTrue();
        progress.Note.Should().BeNull("a note of white space only says nothing");
        progress.Update(ProgressStatus.Done, TopicProgress.SetNote(""), Now).Value.Should().BeFalse("there is no note to clear");
    }

    [Fact]
    public void A_note_longer_than_the_limit_changes_nothing()
    {
        var progress = Untouched();

        var result = progress.Update(ProgressStatus.Done, TopicProgress.SetNote(new string('x', LearningLimits.NoteMaxLength + 1)), Now);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        progress.Version.Should().Be(0);
        progress.Status.Should().Be(ProgressStatus.NotStarted);
        progress.Update(ProgressStatus.Done, TopicProgress.SetNote(new string('x', LearningLimits.NoteMaxLength)), Now).Value.Should().BeTrue();
    }

    [Fact]
    public void A_note_is_measured_in_characters_so_an_emoji_counts_once()
    {
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", LearningLimits.NoteMaxLength));

        var tooLong = Untouched().Update(ProgressStatus.Done, TopicProgress.SetNote(longest + "\U0001F600"), Now);
        var progress = Untouched();
        var fits = progress.Update(ProgressStatus.Done, TopicProgress.SetNote(longest), Now);

        tooLong.Error!.Details!["note"].Should().Equal(
            $"A note has at most {LearningLimits.NoteMaxLength} characters; this one has {LearningLimits.NoteMaxLength + 1}.");
        fits.Value.Should().BeTrue();
        progress.Note.Should().Be(longest);
    }

    [Fact]
    public void A_change_made_elsewhere_is_newer_only_when_later_than_the_last_change_here()
    {
        var progress = Untouched();
        progress.IsAsRecentAs(DateTimeOffset.MinValue).Should().BeFalse("untouched progress is older than any change");

        progress.MarkInProgress(Now);

        progress.IsAsRecentAs(Now.AddMilliseconds(-1)).Should().BeTrue();
        progress.IsAsRecentAs(Now).Should().BeTrue("a change of the same time is not newer");
        progress.IsAsRecentAs(Now.AddMilliseconds(1)).Should().BeFalse();
        progress.IsAsRecentAs(Now.ToOffset(TimeSpan.FromHours(2))).Should().BeTrue("instants compare, not their offsets");
    }

    [Fact]
    public void A_change_dated_ahead_of_now_keeps_its_time_and_a_later_change_here_never_dates_the_progress_earlier()
    {
        var progress = Untouched();
        var ahead = Now.AddSeconds(50);

        progress.Update(ProgressStatus.Done, TopicProgress.KeepNote, Now, changedAt: ahead).Value.Should().BeTrue();
        progress.UpdatedAt.Should().Be(ahead, "the change is as recent as where it was made says");
        progress.DomainEvents.OfType<TopicProgressChangedDomainEvent>().Single().OccurredAt.Should().Be(Now, "history is recorded as of now");

        progress.MarkInProgress(Now.AddSeconds(5));

        progress.UpdatedAt.Should().Be(ahead, "a change here does not date the progress before the one it replaced");
        progress.IsAsRecentAs(ahead).Should().BeTrue("so the same change imported again is not newer");

        progress.MarkDone(Now.AddMinutes(2));
        progress.UpdatedAt.Should().Be(Now.AddMinutes(2));

        progress.Update(ProgressStatus.Skipped, TopicProgress.KeepNote, Now.AddMinutes(3), changedAt: Now.AddDays(-1));
        progress.UpdatedAt.Should().Be(Now.AddMinutes(3), "a change made earlier elsewhere is recorded as of now");
    }

    [Fact]
    public void A_progress_event_records_the_change_with_the_topic_slug_of_the_time()
    {
        var progress = Untouched();
        progress.MarkDone(Now);

        var recorded = ProgressEvent.Record(progress.DomainEvents.OfType<TopicProgressChangedDomainEvent>().Single(), "http-basics");

        recorded.Should().BeEquivalentTo(new
        {
            EventId = 0L, LearnerId = Learner, RoadmapId, TopicId, TopicSlug = "http-basics",
            From = ProgressStatus.NotStarted, To = ProgressStatus.Done, OccurredAt = Now,
        });
    }
}

public class EnrollmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Leaving_then_following_again_brings_the_enrollment_back()
    {
        var enrollment = Enrollment.Follow(Guid.NewGuid(), Guid.NewGuid(), Now);
        enrollment.IsActive.Should().BeTrue();
        enrollment.FollowAgain(Now).Should().BeFalse("already following");

        enrollment.Leave(Now.AddDays(1)).Should().BeTrue();
        enrollment.Leave(Now.AddDays(1)).Should().BeFalse();
        enrollment.IsActive.Should().BeFalse();

        enrollment.FollowAgain(Now.AddDays(2)).Should().BeTrue();
        enrollment.IsActive.Should().BeTrue();
        enrollment.EnrolledAt.Should().Be(Now.AddDays(2));
        enrollment.DomainEvents.Should().HaveCount(3);
    }
}
