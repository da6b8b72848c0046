using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Learning;

/// <summary>How an import matches topics, decides what is newer and records the changes.</summary>
public class ImportProgressCommandHandlerTests
{
    private static readonly DateTimeOffset Monday = FixedClock.Start.AddDays(-3);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private readonly RoadmapOutline _roadmap = FakeCatalogReader.Outline("test-roadmap", "a", "b:old-b", "c");
    private readonly InMemoryRepository<TopicProgress> _progress = new();
    private readonly InMemoryRepository<ProgressEvent> _events = new();
    private readonly InMemoryRepository<Enrollment> _enrollments = new();
    private readonly FakeEnrollmentActivity _activity = new();
    private readonly FixedClock _clock = new();
    private readonly TestUser _learner = new(Guid.NewGuid(), false, Roles.Learner);

    [Fact]
    public async Task A_document_change_newer_than_the_stored_one_is_recorded_now_as_a_PUT_records_it()
    {
        Stored("a", ProgressStatus.InProgress, Monday);

        var result = await Import(Item("a", ProgressStatus.Done, Tuesday, note: "from my laptop"));

        result.Value.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, []));
        var progress = _progress.Items.Should().ContainSingle().Subject;
        progress.Should().BeEquivalentTo(new { Status = ProgressStatus.Done, Note = "from my laptop", Version = 2, UpdatedAt = _clock.UtcNow });
        progress.DomainEvents.OfType<TopicProgressChangedDomainEvent>().Last().Should().Be(new TopicProgressChangedDomainEvent(
            _learner.Id!.Value, _roadmap.Id, Topic("a").Id, ProgressStatus.InProgress, ProgressStatus.Done, 2, _clock.UtcNow));
        _events.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            TopicSlug = "a", From = ProgressStatus.InProgress, To = ProgressStatus.Done, OccurredAt = _clock.UtcNow,
        }, "history is stamped with the time of the import, not the document's");
        _activity.Recorded.Should().Equal((_enrollments.Items.Single().Id, _clock.UtcNow));
    }

    [Fact]
    public async Task Stored_progress_as_recent_as_the_document_or_more_is_left_alone()
    {
        Stored("a", ProgressStatus.Done, Tuesday);
        Stored("b", ProgressStatus.Skipped, Tuesday);

        var result = await Import(Item("a", ProgressStatus.InProgress, Tuesday), Item("b", ProgressStatus.InProgress, Monday));

        result.Value.Should().BeEquivalentTo(new ProgressImportResultDto(0, 2, []));
        _progress.Items.Select(p => (p.Status, p.Version)).Should().Equal((ProgressStatus.Done, 1), (ProgressStatus.Skipped, 1));
        _events.Items.Should().BeEmpty();
        _enrollments.Items.Should().ContainSingle("importing follows the roadmap even when nothing changes");
        _activity.Recorded.Should().BeEmpty();
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time()
    {
        Stored("c", ProgressStatus.InProgress, Monday);
        var document = Document(Item("a", ProgressStatus.Done, Tuesday), Item("c", ProgressStatus.Done, Tuesday, note: "done"));

        var first = await Import(document);
        _clock.UtcNow = _clock.UtcNow.AddMinutes(5);
        var second = await Import(document);

        first.Value.Should().BeEquivalentTo(new ProgressImportResultDto(2, 0, []));
        second.Value.Should().BeEquivalentTo(new ProgressImportResultDto(0, 2, []));
        _events.Items.Should().HaveCount(2);
        _progress.Items.Should().OnlyContain(p => p.UpdatedAt == FixedClock.Start);
    }

    [Fact]
    public async Task A_topic_is_found_by_id_before_its_slug_then_by_slug_or_former_slug()
    {
        var result = await Import(
            Item("c", ProgressStatus.Done, Tuesday, id: Topic("a").Id),
            Item("old-b", ProgressStatus.Skipped, Tuesday),
            Item("c", ProgressStatus.InProgress, Tuesday, id: Guid.NewGuid()));

        result.Value.Should().BeEquivalentTo(new ProgressImportResultDto(3, 0, []));
        _progress.Items.Select(p => (p.TopicId, p.Status)).Should().BeEquivalentTo(new[]
        {
            (Topic("a").Id, ProgressStatus.Done), (Topic("b").Id, ProgressStatus.Skipped), (Topic("c").Id, ProgressStatus.InProgress),
        });
        _events.Items.Select(e => e.TopicSlug).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task Topics_the_roadmap_does_not_have_are_reported_as_named_and_the_rest_is_imported()
    {
        var result = await Import(
            Item("retired-topic", ProgressStatus.Done, Tuesday, id: Guid.NewGuid()),
            Item("a", ProgressStatus.Done, Tuesday),
            Item("never-was", ProgressStatus.Skipped, Tuesday));

        result.Value.Should().BeEquivalentTo(new ProgressImportResultDto(1, 0, ["retired-topic", "never-was"]));
        _progress.Items.Should().ContainSingle().Which.TopicId.Should().Be(Topic("a").Id);
    }

    [Fact]
    public async Task An_untouched_topic_imported_as_not_started_without_a_note_stays_untouched()
    {
        var result = await Import(Item("a", ProgressStatus.NotStarted, Tuesday));

        result.Value.Should().BeEquivalentTo(new ProgressImportResultDto(0, 1, []));
        _progress.Items.Should().BeEmpty();
        _events.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task The_document_note_replaces_the_stored_one_and_its_absence_clears_it()
    {
        Stored("a", ProgressStatus.Done, Monday, note: "old note");

        var result = await Import(Item("a", ProgressStatus.Done, Tuesday));

        result.Value.Updated.Should().Be(1);
        _progress.Items.Single().Should().BeEquivalentTo(new { Note = (string?)null, Version = 2 });
        _events.Items.Single().Should().BeEquivalentTo(new { From = ProgressStatus.Done, To = ProgressStatus.Done });
    }

    [Fact]
    public async Task A_topic_named_twice_is_a_validation_error_at_its_place_and_nothing_is_recorded()
    {
        var result = await Import(
            Item("a", ProgressStatus.Done, Tuesday),
            Item("b", ProgressStatus.Done, Tuesday),
            Item("old-b", ProgressStatus.Skipped, Tuesday),
            Item("gone", ProgressStatus.Done, Tuesday),
            Item("gone", ProgressStatus.Done, Monday));

        result.Error!.Type.Should().Be(ErrorType.Validation);
        result.Error.Details!.Keys.Should().BeEquivalentTo("topics[2].topic", "topics[4].topic");
        result.Error.Details["topics[2].topic"].Single().Should().Contain("topics[1]");
        _progress.Items.Should().BeEmpty();
        _events.Items.Should().BeEmpty();
        _enrollments.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_time_ahead_of_now_is_refused_beyond_the_tolerance_for_other_clocks()
    {
        var withinTolerance = await Import(Item("a", ProgressStatus.Done, _clock.UtcNow + ImportProgressCommand.ClockTolerance));
        var beyond = await Import(Item("b", ProgressStatus.Done, _clock.UtcNow + ImportProgressCommand.ClockTolerance + TimeSpan.FromMilliseconds(1)));

        withinTolerance.IsSuccess.Should().BeTrue();
        beyond.Error!.Type.Should().Be(ErrorType.Validation);
        beyond.Error.Details!.Keys.Should().Equal("topics[0].updatedAt");
        _progress.Items.Should().ContainSingle().Which.TopicId.Should().Be(Topic("a").Id);
    }

    [Fact]
    public async Task A_document_of_another_roadmap_is_unprocessable()
    {
        var result = await Import(Document(Item("a", ProgressStatus.Done, Tuesday)) with { Roadmap = "other-roadmap" });

        result.Error!.Should().BeEquivalentTo(new { Type = ErrorType.Unprocessable, Code = "learning.other_roadmap" });
        result.Error.Details!.Keys.Should().Equal("roadmap");
        _enrollments.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_new_learner_cannot_import_into_an_archived_roadmap_while_a_follower_can()
    {
        var archived = _roadmap with { Status = RoadmapStatus.Archived };

        _enrollments.Add(Enrollment.Follow(_learner.Id!.Value, _roadmap.Id, Monday));

        var refused = await Import(Document(Item("a", ProgressStatus.Done, Tuesday)), archived, new TestUser(Guid.NewGuid(), false, Roles.Learner));
        var allowed = await Import(Document(Item("a", ProgressStatus.Done, Tuesday)), archived);

        refused.Error!.Code.Should().Be("learning.roadmap_archived");
        allowed.Value.Updated.Should().Be(1);
    }

    [Fact]
    public async Task Progress_is_for_signed_in_learners_of_roadmaps_that_exist()
    {
        var anonymous = await Import(Document(Item("a", ProgressStatus.Done, Tuesday)), user: TestUser.Anonymous);
        var missing = await Handler().Handle(
            new ImportProgressCommand("no-such-roadmap", Document(Item("a", ProgressStatus.Done, Tuesday)) with { Roadmap = "no-such-roadmap" }),
            TestContext.Current.CancellationToken);

        anonymous.Error!.Type.Should().Be(ErrorType.Unauthorized);
        missing.Error!.Code.Should().Be("learning.roadmap_not_found");
    }

    private TopicOutline Topic(string slug) => _roadmap.Topics.Single(t => t.Slug == slug);

    private void Stored(string topic, ProgressStatus status, DateTimeOffset at, string? note = null)
    {
        var progress = TopicProgress.Untouched(_learner.Id!.Value, _roadmap.Id, Topic(topic).Id);
        progress.Update(status, TopicProgress.SetNote(note), at);
        progress.ClearDomainEvents();
        _progress.Add(progress);
    }

    private ProgressDocument Document(params ProgressTopicDocument[] topics) => new()
    {
        Format = ProgressDocument.CurrentFormat,
        Roadmap = _roadmap.Slug,
        RoadmapVersion = _roadmap.Version,
        ExportedAt = Tuesday,
        Topics = topics,
    };

    private static ProgressTopicDocument Item(string topic, ProgressStatus status, DateTimeOffset updatedAt, Guid? id = null, string? note = null) =>
        new() { TopicId = id, Topic = topic, Status = status, Note = note, UpdatedAt = updatedAt };

    private Task<Result<ProgressImportResultDto>> Import(params ProgressTopicDocument[] topics) => Import(Document(topics));

    private Task<Result<ProgressImportResultDto>> Import(ProgressDocument document, RoadmapOutline? roadmap = null, TestUser? user = null) =>
        Handler(roadmap, user).Handle(new ImportProgressCommand(_roadmap.Slug, document), TestContext.Current.CancellationToken);

    private ImportProgressCommandHandler Handler(RoadmapOutline? roadmap = null, TestUser? user = null) => new(
        new FakeCatalogReader(roadmap ?? _roadmap), _progress, _events, _enrollments, _activity, new FakeUnitOfWork(), user ?? _learner, _clock);
}
