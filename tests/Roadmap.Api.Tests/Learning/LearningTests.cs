using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Learning;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.UpdateProgressBatch;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Tests.Learning;

/// <summary>
/// Following roadmaps and recording progress over HTTP: enrollments, topic progress with versions and If-Match,
/// progress events, content changes (renames, retirements), racing writers and bad input.
/// </summary>
public abstract class LearningTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{

    [Fact]
    public async Task Following_is_created_once_listed_left_and_followed_again()
    {
        var slug = await Published();
        using var learner = await SignIn();

        var first = await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        first.Headers.Location!.OriginalString.Should().Be($"/api/me/enrollments/{slug}");
        var enrollment = await Read<EnrollmentDto>(first);
        enrollment.Should().BeEquivalentTo(new { RoadmapSlug = slug, RoadmapTitle = "Test roadmap" });
        (await Read<EnrollmentListItemDto>(await learner.Client.GetAsync(first.Headers.Location, Ct))).Should().BeEquivalentTo(
            new EnrollmentListItemDto(slug, "Test roadmap", enrollment.EnrolledAt, null), "the Location names the enrollment");

        var again = await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Read<EnrollmentDto>(again)).EnrolledAt.Should().Be(enrollment.EnrolledAt);

        var list = await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct));
        list.TotalCount.Should().Be(1);
        list.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RoadmapSlug = slug, LastActivityAt = (DateTimeOffset?)null });

        (await learner.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct))).Items.Should().BeEmpty();
        await ShouldBeProblem(await learner.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct), HttpStatusCode.NotFound, "learning.not_following");
        await ShouldBeProblem(await learner.Client.GetAsync($"/api/me/enrollments/{slug}", Ct), HttpStatusCode.NotFound, "learning.not_following");

        (await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments?page=1&pageSize=5", Ct))).Items
            .Should().ContainSingle();
    }

    [Fact]
    public async Task Following_an_unknown_draft_or_archived_roadmap_is_refused()
    {
        using var author = await SignIn(Roles.Author);
        var draft = TestDocuments.NewSlug("draft");
        (await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(draft), Json, Ct)).EnsureSuccessStatusCode();
        var archived = await Published();
        (await author.Client.PostAsync($"/api/roadmaps/{archived}/archive", null, Ct)).EnsureSuccessStatusCode();
        using var learner = await SignIn();

        await ShouldBeProblem(await Follow(learner, "no-such-roadmap"), HttpStatusCode.NotFound, "learning.roadmap_not_found");
        await ShouldBeProblem(await Follow(learner, draft), HttpStatusCode.NotFound, "learning.roadmap_not_found");
        await ShouldBeProblem(await Follow(author, draft), HttpStatusCode.NotFound, "learning.roadmap_not_found");
        await ShouldBeProblem(await Follow(learner, archived), HttpStatusCode.Conflict, "learning.roadmap_archived");
        await ShouldBeProblem(await Put(learner, archived, "a", new { status = "Done" }), HttpStatusCode.Conflict, "learning.roadmap_archived");
        await ShouldBeProblem(await learner.Client.DeleteAsync("/api/me/enrollments/no-such-roadmap", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await learner.Client.GetAsync($"/api/me/roadmaps/{draft}/progress", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await learner.Client.GetAsync("/api/me/roadmaps/no-such-roadmap/events", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await Put(learner, "no-such-roadmap", "a", new { status = "Done" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Learning_routes_are_for_signed_in_callers()
    {
        var slug = await Published();
        using var anonymous = Client();

        (await anonymous.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/me/enrollments", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/me/roadmaps/{slug}/progress", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync($"/api/me/roadmaps/{slug}/progress/a", new { status = "Done" }, Json, Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/me/roadmaps/{slug}/events", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Progress_lists_every_live_topic_in_roadmap_order_untouched_ones_at_version_0()
    {
        var slug = await Published();
        using var learner = await SignIn();

        var progress = await Progress(learner, slug);

        progress.RoadmapSlug.Should().Be(slug);
        progress.RoadmapVersion.Should().Be(1);
        progress.Topics.Select(t => (t.Topic, t.Section)).Should().Equal(("a", "basics"), ("b", "basics"), ("c", "advanced"));
        progress.Topics.Should().OnlyContain(t => t.Status == ProgressStatus.NotStarted && t.Version == 0 && t.UpdatedAt == null && t.Note == null);
    }

    [Fact]
    public async Task A_progress_listing_is_answered_again_from_the_cache_only_while_nothing_it_shows_changed_and_only_to_its_learner()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author);
        using var learner = await SignIn();
        using var other = await SignIn();
        var path = $"/api/me/roadmaps/{slug}/progress";

        var first = await learner.Client.GetAsync(path, Ct);
        first.Headers.Age.Should().BeNull();
        var again = await learner.Client.GetAsync(path, Ct);
        again.Headers.Age.Should().NotBeNull("nothing changed, so the stored answer is served (an Age header)");
        (await again.Content.ReadAsStringAsync(Ct)).Should().Be(await first.Content.ReadAsStringAsync(Ct));

        var othersFirst = await other.Client.GetAsync(path, Ct);
        othersFirst.Headers.Age.Should().BeNull("another learner never gets the first one's entry");
        (await Put(other, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        (await learner.Client.GetAsync(path, Ct)).Headers.Age.Should().NotBeNull("another learner's write changes nothing this learner sees");
        (await Progress(other, slug)).Topics[0].Status.Should().Be(ProgressStatus.Done);

        (await Put(learner, slug, "b", new { status = "InProgress", note = "reading" })).EnsureSuccessStatusCode();
        var afterWrite = await learner.Client.GetAsync(path, Ct);
        afterWrite.Headers.Age.Should().BeNull("the learner's write changed the listing");
        (await Read<RoadmapProgressDto>(afterWrite)).Topics.Select(t => (t.Topic, t.Status, t.Version))
            .Should().Equal(("a", ProgressStatus.NotStarted, 0), ("b", ProgressStatus.InProgress, 1), ("c", ProgressStatus.NotStarted, 0));
        (await learner.Client.GetAsync(path, Ct)).Headers.Age.Should().NotBeNull();

        // A new version of the roadmap changes what every learner sees, without any of them writing.
        var document = TestDocuments.Small(slug);
        document = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("c"), TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", document, Json, Ct)).EnsureSuccessStatusCode();
        var newVersion = await learner.Client.GetAsync(path, Ct);
        newVersion.Headers.Age.Should().BeNull();
        var listing = await Read<RoadmapProgressDto>(newVersion);
        listing.RoadmapVersion.Should().Be(2);
        listing.Topics.Select(t => t.Topic).Should().Equal("a", "b", "c", "d");

        for (var i = 0; i < 2; i++)
        {
            var missing = await learner.Client.GetAsync("/api/me/roadmaps/no-such-roadmap/progress", Ct);
            missing.Headers.Age.Should().BeNull("a refusal is never stored");
            await ShouldBeProblem(missing, HttpStatusCode.NotFound, "learning.roadmap_not_found");
        }
    }

    [Fact]
    public async Task A_kept_listing_is_dropped_when_another_node_says_the_learner_changed_progress_or_messages_may_have_been_missed()
    {
        var slug = await Published();
        using var learner = await SignIn();
        using var other = await SignIn();
        var path = $"/api/me/roadmaps/{slug}/progress";
        var messages = Factory.Services.GetServices<INodeMessageHandler>().Single(h => h.Topic == ProgressChangeMessages.Topic);
        async Task<bool> Kept(SignedIn who)
        {
            var response = await who.Client.GetAsync(path, Ct);
            response.EnsureSuccessStatusCode();
            return response.Headers.Age is not null;
        }

        await Kept(learner);
        await Kept(other);
        (await Kept(learner)).Should().BeTrue();

        messages.Handle(learner.UserId.ToString("N"));
        (await Kept(learner)).Should().BeFalse("another node committed a change of this learner's progress");
        (await Kept(learner)).Should().BeTrue();
        (await Kept(other)).Should().BeTrue("the message named another learner");

        messages.Invoking(m => m.Handle("not a learner id")).Should().Throw<FormatException>("the subscription logs a message it cannot read");
        (await Kept(learner)).Should().BeTrue("a message this node cannot read changes nothing");

        messages.Resync();
        (await Kept(learner)).Should().BeFalse("messages of an outage may have been missed");
        (await Kept(other)).Should().BeFalse();
    }

    [Fact]
    public async Task Marking_a_topic_done_appends_an_event_answers_the_version_as_ETag_and_follows_the_roadmap()
    {
        var slug = await Published();
        using var learner = await SignIn();

        var response = await Put(learner, slug, "a", new { status = "Done", note = "easy" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        var item = await Read<TopicProgressUpdateDto>(response);
        item.Should().BeEquivalentTo(new { Topic = "a", Section = "basics", Status = ProgressStatus.Done, Note = "easy", Version = 1 });
        item.EventId.Should().BePositive();
        item.UpdatedAt.Should().NotBeNull();

        var enrollments = await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct));
        enrollments.Items.Should().ContainSingle().Which.LastActivityAt.Should().Be(item.UpdatedAt);
        (await Progress(learner, slug)).Topics[0].Should().BeEquivalentTo(new { item.TopicId, Status = ProgressStatus.Done, Note = "easy", Version = 1 });

        var events = await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events", Ct));
        events.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            EventId = item.EventId!.Value, item.TopicId, Topic = "a", From = ProgressStatus.NotStarted, To = ProgressStatus.Done,
        });
    }

    [Fact]
    public async Task A_change_that_changes_nothing_keeps_the_version_and_appends_no_event_while_a_note_alone_is_a_change()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var first = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "b", new { status = "InProgress", note = "started" }));

        var same = await Put(learner, slug, "b", new { status = "InProgress" });
        same.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await Read<TopicProgressUpdateDto>(same)).Should().BeEquivalentTo(new { Version = 1, Note = "started", EventId = (long?)null });

        var noteOnly = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "b", new { status = "InProgress", note = "halfway" }));
        noteOnly.Version.Should().Be(2);
        noteOnly.EventId.Should().BeGreaterThan(first.EventId!.Value);

        var cleared = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "b", new { status = "InProgress", note = (string?)null }));
        cleared.Should().BeEquivalentTo(new { Version = 3, Note = (string?)null });
        var emptied = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "b", new { status = "InProgress", note = "" }));
        emptied.Should().BeEquivalentTo(new { Version = 3, EventId = (long?)null }, "an empty note is no note, already cleared");

        var events = await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events?pageSize=2", Ct));
        events.TotalCount.Should().Be(3);
        events.Items.Select(e => e.EventId).Should().BeInDescendingOrder();
        events.Items[0].Should().BeEquivalentTo(new { From = ProgressStatus.InProgress, To = ProgressStatus.InProgress });
        var second = await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events?page=2&pageSize=2", Ct));
        second.Items.Should().ContainSingle().Which.EventId.Should().Be(first.EventId!.Value);
    }

    [Fact]
    public async Task A_topic_is_named_by_slug_former_slug_or_id_and_If_Match_guards_its_version()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var topicId = (await Progress(learner, slug)).Topics.Single(t => t.Topic == "c").TopicId;

        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Done" }, ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed, "learning.progress_changed");
        var created = await Put(learner, slug, topicId.ToString(), new { status = "Done" }, ifMatch: "\"0\"");
        created.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Read<TopicProgressUpdateDto>(created)).Should().BeEquivalentTo(new { TopicId = topicId, Topic = "c", Version = 1 });

        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"0\""), HttpStatusCode.PreconditionFailed);
        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "W/\"1\""), HttpStatusCode.PreconditionFailed);
        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"x\""), HttpStatusCode.PreconditionFailed);
        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"01\""), HttpStatusCode.PreconditionFailed, "learning.progress_changed");
        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"0\", \"2\", W/\"1\""), HttpStatusCode.PreconditionFailed);
        var updated = await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"0\", \"x\", \"1\"");
        updated.StatusCode.Should().Be(HttpStatusCode.OK, "any tag of an If-Match list may match");
        updated.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await Progress(learner, slug)).Topics.Single(t => t.TopicId == topicId).Status.Should().Be(ProgressStatus.Skipped);

        await ShouldBeProblem(await Put(learner, slug, "no-such-topic", new { status = "Done" }), HttpStatusCode.NotFound, "learning.topic_not_found");
        await ShouldBeProblem(await Put(learner, slug, "no-such-topic", new { status = "Done" }, ifMatch: "W/\"0\""), HttpStatusCode.NotFound, "learning.topic_not_found");
        await ShouldBeProblem(await Put(learner, slug, Guid.NewGuid().ToString(), new { status = "Done" }), HttpStatusCode.NotFound, "learning.topic_not_found");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"2")]
    [InlineData("\"2\" 3")]
    [InlineData("\"2\"; \"3\"")]
    [InlineData("W/2")]
    [InlineData("\"a b\"")]
    [InlineData(", ,")]
    [InlineData("\"1\", *")]
    [InlineData("*, *")]
    public async Task An_If_Match_that_is_not_a_list_of_quoted_tags_is_a_400_problem_and_changes_nothing(string ifMatch)
    {
        var slug = await Published();
        using var learner = await SignIn();
        (await Put(learner, slug, "c", new { status = "Done" })).EnsureSuccessStatusCode();
        (await Put(learner, slug, "c", new { status = "InProgress" })).EnsureSuccessStatusCode();

        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: ifMatch), HttpStatusCode.BadRequest, "validation", "If-Match");
        await ShouldBeProblem(await Put(learner, slug, "no-such-topic", new { status = "Skipped" }, ifMatch: ifMatch), HttpStatusCode.BadRequest, "validation", "If-Match");

        (await Progress(learner, slug)).Topics.Single(t => t.Topic == "c").Should().BeEquivalentTo(new { Status = ProgressStatus.InProgress, Version = 2 });
        var quoted = await Put(learner, slug, "c", new { status = "Skipped" }, ifMatch: "\"a,b\", \"2\"");
        quoted.StatusCode.Should().Be(HttpStatusCode.OK, "a comma inside a quoted tag is part of it");
    }

    [Fact]
    public async Task Progress_follows_a_renamed_topic_and_a_retired_topic_leaves_the_listing()
    {
        using var author = await SignIn(Roles.Author);
        var slug = await Published(author);
        using var learner = await SignIn();
        var before = await Progress(learner, slug);
        (await Put(learner, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        (await Put(learner, slug, "c", new { status = "InProgress" })).EnsureSuccessStatusCode();

        // Version 2: "a" is renamed "first" (a former slug keeps it), "c" is removed (retired).
        var document = TestDocuments.Small(slug).WithTopics(0, TestDocuments.Topic("first", formerSlugs: ["a"]), TestDocuments.Topic("b", prerequisites: ["first"]));
        document = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic("d")] }] };
        (await author.Client.PutAsJsonAsync($"/api/roadmaps/{slug}", document, Json, Ct)).EnsureSuccessStatusCode();

        var after = await Progress(learner, slug);
        after.RoadmapVersion.Should().Be(2);
        after.Topics.Select(t => t.Topic).Should().Equal("first", "b", "d");
        after.Topics[0].Should().BeEquivalentTo(new { before.Topics[0].TopicId, Status = ProgressStatus.Done, Version = 1 });
        after.Topics[2].Should().BeEquivalentTo(new { Status = ProgressStatus.NotStarted, Version = 0 }, "a new topic starts untouched");

        var viaFormer = await Read<TopicProgressUpdateDto>(await Put(learner, slug, "a", new { status = "Done", note = "renamed" }));
        viaFormer.Should().BeEquivalentTo(new { before.Topics[0].TopicId, Topic = "first", Version = 2 });
        await ShouldBeProblem(await Put(learner, slug, "c", new { status = "Done" }), HttpStatusCode.NotFound, "learning.topic_not_found");
        await ShouldBeProblem(await Put(learner, slug, before.Topics[2].TopicId.ToString(), new { status = "Done" }), HttpStatusCode.NotFound);

        var events = await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events", Ct));
        events.Items.Select(e => e.Topic).Should().Equal(["first", "c", "a"], "history keeps the retired topic and the slugs of the time");
    }

    [Fact]
    public async Task Racing_writers_without_If_Match_all_succeed_one_after_another()
    {
        var slug = await Published();
        using var learner = await SignIn();
        const int writers = 8;

        var responses = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            Put(learner, slug, "a", new { status = "InProgress", note = $"writer {i}" })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var items = await Task.WhenAll(responses.Select(Read<TopicProgressUpdateDto>));
        items.Select(i => i.Version).Should().BeEquivalentTo(Enumerable.Range(1, writers), "each write has its own version");
        items.Select(i => i.EventId).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id != null);
        var last = items.MaxBy(i => i.Version)!;
        (await Progress(learner, slug)).Topics[0].Should().BeEquivalentTo(new { Version = writers, last.Note });
        (await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events", Ct))).TotalCount.Should().Be(writers);
    }

    [Fact]
    public async Task Racing_writers_with_the_same_If_Match_let_exactly_one_win()
    {
        var slug = await Published();
        using var learner = await SignIn();
        const int writers = 8;

        var onUntouched = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            Put(learner, slug, "b", new { status = "InProgress", note = $"writer {i}" }, ifMatch: "\"0\"")));
        onUntouched.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        onUntouched.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(writers - 1);

        var onVersion1 = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            Put(learner, slug, "b", new { status = "Done", note = $"writer {i}" }, ifMatch: "\"1\"")));
        onVersion1.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        onVersion1.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(writers - 1);

        (await Progress(learner, slug)).Topics[1].Version.Should().Be(2);
        (await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events", Ct))).TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task Racing_writes_on_other_topics_leave_the_enrollment_at_the_latest_change()
    {
        const int writers = 40;
        var slug = TestDocuments.NewSlug("learn");
        using (var author = await SignIn(Roles.Author))
        {
            var topics = new[] { TestDocuments.Topic("a"), TestDocuments.Topic("b") }
                .Concat(Enumerable.Range(0, writers - 2).Select(i => TestDocuments.Topic($"t{i}")));
            (await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(slug).WithTopics(0, [.. topics]), Json, Ct)).EnsureSuccessStatusCode();
            (await author.Client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        }

        using var learner = await SignIn();
        (await Follow(learner, slug)).StatusCode.Should().Be(HttpStatusCode.Created);
        var slugs = (await Progress(learner, slug)).Topics.Select(t => t.Topic).Take(writers).ToList();

        // Each round's writers read the enrollment at once, each with a time of its own: one that read the clock
        // earlier may save later.
        Factory.Clock.Tick(Factory.Clock.UtcNow);
        try
        {
            foreach (var status in new[] { "InProgress", "Done", "Skipped" })
            {
                var responses = await Task.WhenAll(slugs.Select(topic => Put(learner, slug, topic, new { status })));
                responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);

                var round = await Read<PagedList<ProgressEventDto>>(
                    await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events?pageSize={writers}", Ct));
                var enrollment = await Read<EnrollmentListItemDto>(await learner.Client.GetAsync($"/api/me/enrollments/{slug}", Ct));
                enrollment.LastActivityAt.Should().Be(
                    round.Items.Max(e => e.OccurredAt), "an earlier time read before a later one was saved must not overwrite it");
            }
        }
        finally
        {
            Factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task Activity_is_noted_only_on_a_followed_enrollment_so_a_write_racing_a_leave_runs_again()
    {
        var slug = await Published();
        using var learner = await SignIn();
        (await Put(learner, slug, "a", new { status = "InProgress" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var noted = (await Read<EnrollmentListItemDto>(await learner.Client.GetAsync($"/api/me/enrollments/{slug}", Ct))).LastActivityAt!.Value;
        (await learner.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await using var scope = Factory.Services.CreateAsyncScope();
        var enrollment = await Factory.Service<Roadmap.Infrastructure.Common.Persistence.RoadmapDbContext>(scope).Set<Enrollment>()
            .AsNoTracking().SingleAsync(e => e.LearnerId == learner.UserId, Ct);
        var activity = Factory.Service<Roadmap.Application.Learning.Enrollments.IEnrollmentActivity>(scope);

        var onLeft = () => activity.RecordAsync(enrollment.Id, noted.AddMinutes(1), Ct);

        await onLeft.Should().ThrowAsync<Roadmap.Application.Common.Ports.ConcurrencyConflictException>("the write would be noted on a roadmap no longer followed");
        (await Put(learner, slug, "a", new { status = "Done" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Read<EnrollmentListItemDto>(await learner.Client.GetAsync($"/api/me/enrollments/{slug}", Ct))).LastActivityAt
            .Should().BeAfter(noted, "writing progress follows the roadmap again and notes the activity");
    }

    [Fact]
    public async Task Racing_follows_again_and_leaves_each_happen_once()
    {
        var slug = await Published();
        using var learner = await SignIn();
        const int racers = 16;
        (await Follow(learner, slug)).StatusCode.Should().Be(HttpStatusCode.Created);

        foreach (var round in Enumerable.Range(0, 2))
        {
            var leaves = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => learner.Client.DeleteAsync($"/api/me/enrollments/{slug}", Ct)));
            leaves.Count(r => r.StatusCode == HttpStatusCode.NoContent).Should().Be(1, "round {0}: one leave, the rest find it done", round);
            leaves.Count(r => r.StatusCode == HttpStatusCode.NotFound).Should().Be(racers - 1);

            var follows = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => Follow(learner, slug)));
            follows.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1, "round {0}: one follows again, the rest find it done", round);
            follows.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(racers - 1);
            var enrolled = await Task.WhenAll(follows.Select(Read<EnrollmentDto>));
            var stored = await Read<EnrollmentListItemDto>(await learner.Client.GetAsync($"/api/me/enrollments/{slug}", Ct));
            enrolled.Select(e => e.EnrolledAt).Should().OnlyContain(at => at == stored.EnrolledAt, "every answer names the one time stored");
        }
    }

    [Fact]
    public async Task Bad_input_is_a_client_problem_and_changes_nothing()
    {
        var slug = await Published();
        using var learner = await SignIn();

        await ShouldBeProblem(await Put(learner, slug, "a", new { status = "Finished" }), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = 2 }), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = "InProgress, Done" }), HttpStatusCode.BadRequest, field: "status");
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = "InProgress,Done" }), HttpStatusCode.BadRequest, field: "status");
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = " Done" }), HttpStatusCode.BadRequest, field: "status");
        await ShouldBeProblem(await Put(learner, slug, "a", new { note = "no status" }), HttpStatusCode.BadRequest, field: "status");
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = "Done", note = new string('x', LearningLimits.NoteMaxLength + 1) }), HttpStatusCode.BadRequest, field: "note");
        await ShouldBeProblem(await Put(learner, slug, "a", new { status = "Done", colour = "blue" }), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await Raw(learner, HttpMethod.Put, $"/api/me/roadmaps/{slug}/progress/a", "{\"status\": \"Done\""), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await Raw(learner, HttpMethod.Post, "/api/me/enrollments", "{\"roadmap\": "), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await Raw(learner, HttpMethod.Post, "/api/me/enrollments", "{}"), HttpStatusCode.BadRequest, field: "roadmap");
        await ShouldBeProblem(await learner.Client.GetAsync("/api/me/enrollments?pageSize=101", Ct), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events?page=0", Ct), HttpStatusCode.BadRequest);

        (await Progress(learner, slug)).Topics.Should().OnlyContain(t => t.Version == 0);
        (await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Next_topics_change_as_prerequisites_are_done_or_skipped()
    {
        var slug = await Published();
        using var learner = await SignIn();

        var fresh = await Next(learner, slug);
        (await Put(learner, slug, "a", new { status = "InProgress" })).EnsureSuccessStatusCode();
        var started = await Next(learner, slug);
        (await Put(learner, slug, "a", new { status = "Done" })).EnsureSuccessStatusCode();
        var afterA = await Next(learner, slug);
        (await Put(learner, slug, "b", new { status = "Skipped" })).EnsureSuccessStatusCode();
        var afterB = await Next(learner, slug);
        (await Put(learner, slug, "c", new { status = "Done" })).EnsureSuccessStatusCode();
        var finished = await Next(learner, slug);

        fresh.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Topic = "a", Section = "basics", Title = "Topic a", Kind = TopicKind.Core, Difficulty = Difficulty.Beginner,
            EstimatedMinutes = 30, Status = ProgressStatus.NotStarted,
        });
        started.Items.Should().ContainSingle().Which.Status.Should().Be(ProgressStatus.InProgress);
        afterA.Items.Select(t => t.Topic).Should().Equal("b");
        afterB.Items.Select(t => t.Topic).Should().Equal("c");
        finished.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Next_topics_come_in_roadmap_order_up_to_the_limit()
    {
        using var learner = await SignIn();

        foreach (var first in (await Next(learner, "backend-developer")).Items)
        {
            (await Put(learner, "backend-developer", first.Topic, new { status = "Done" })).EnsureSuccessStatusCode();
        }

        var all = await Next(learner, "backend-developer", "?limit=50");
        var one = await Next(learner, "backend-developer", "?limit=1");
        var byDefault = await Next(learner, "backend-developer");
        var order = (await Progress(learner, "backend-developer")).Topics.Select(t => t.Topic).ToList();

        all.Items.Should().HaveCountGreaterThan(1, "the first topics done open several others");
        all.Items.Select(t => order.IndexOf(t.Topic)).Should().BeInAscendingOrder("section order, then topic order");
        one.Items.Should().Equal(all.Items.Take(1));
        byDefault.Items.Should().Equal(all.Items.Take(5));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=51")]
    [InlineData("?limit=many")]
    public async Task A_limit_out_of_range_is_a_400_problem(string query)
    {
        var slug = await Published();
        using var learner = await SignIn();

        await ShouldBeProblem(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/next{query}", Ct), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await learner.Client.GetAsync("/api/me/roadmaps/no-such-roadmap/next", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_batch_updates_several_topics_and_a_repeat_changes_nothing()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var batch = new { items = new object[] { new { topic = "a", status = "Done" }, new { topic = "b", status = "InProgress", note = "halfway" } } };

        var first = await Batch(learner, slug, batch);
        var again = await Batch(learner, slug, batch);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await Read<ProgressBatchResultDto>(first);
        (result.Updated, result.Unchanged).Should().Be((2, 0));
        result.Items.Select(i => (i.Topic, i.Status, i.Note, i.Version)).Should().Equal(
            ("a", ProgressStatus.Done, null, 1), ("b", ProgressStatus.InProgress, "halfway", 1));
        result.Items.Should().OnlyContain(i => i.EventId != null);
        var repeat = await Read<ProgressBatchResultDto>(again);
        (repeat.Updated, repeat.Unchanged).Should().Be((0, 2));
        repeat.Items.Should().OnlyContain(i => i.EventId == null && i.Version == 1);
        (await Read<PagedList<ProgressEventDto>>(await learner.Client.GetAsync($"/api/me/roadmaps/{slug}/events", Ct))).TotalCount.Should().Be(2);
    }

    [Theory]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},{"topic":"no-such-topic","status":"Done"}]}""", "items[1].topic")]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},{"topic":"A-ID","status":"Skipped"}]}""", "items[1].topic")]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},{"topic":"b","status":"Finished"}]}""", null)]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},{"topic":"b","status":"InProgress, Done"}]}""", "items[1].status")]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},{"topic":"b"}]}""", "items[1].status")]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""{"items":[{"topic":"a","status":"Done"},null]}""", "items[1]")]
    public async Task A_batch_with_one_bad_item_saves_nothing(string body, string? field)
    {
        var slug = await Published();
        using var learner = await SignIn();
        var aId = (await Progress(learner, slug)).Topics.Single(t => t.Topic == "a").TopicId;

        var response = await Raw(learner, HttpMethod.Post, $"/api/me/roadmaps/{slug}/progress/batch", body.Replace("A-ID", aId.ToString(), StringComparison.Ordinal));

        await ShouldBeProblem(response, HttpStatusCode.BadRequest, field: field);
        (await Progress(learner, slug)).Topics.Should().OnlyContain(t => t.Version == 0);
        (await Read<PagedList<EnrollmentListItemDto>>(await learner.Client.GetAsync("/api/me/enrollments", Ct))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_topic_whose_slug_looks_like_an_id_is_found_by_its_slug()
    {
        const string hex = "0123456789abcdef0123456789abcdef";
        const string dashed = "01234567-89ab-cdef-0123-456789abcdef";
        var slug = TestDocuments.NewSlug("learn");
        using (var author = await SignIn(Roles.Author))
        {
            var document = TestDocuments.Small(slug);
            document = document with { Sections = [document.Sections[0], document.Sections[1] with { Topics = [TestDocuments.Topic(hex), TestDocuments.Topic(dashed)] }] };
            (await author.Client.PostAsJsonAsync("/api/roadmaps", document, Json, Ct)).EnsureSuccessStatusCode();
            (await author.Client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        }

        using var learner = await SignIn();

        (await Put(learner, slug, hex, new { status = "Done" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Batch(learner, slug, new { items = new[] { new { topic = dashed, status = "Skipped" } } })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Progress(learner, slug)).Topics.Where(t => t.Version > 0).Select(t => (t.Topic, t.Status)).Should().Equal(
            (hex, ProgressStatus.Done), (dashed, ProgressStatus.Skipped));
    }

    [Fact]
    public async Task A_batch_items_topic_longer_than_any_slug_or_id_is_refused_by_its_length_not_quoted_back()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var longTopic = new string('x', LearningLimits.TopicReferenceMaxLength + 1);

        var response = await Batch(learner, slug, new { items = new[] { new { topic = "a", status = "Done" }, new { topic = longTopic, status = "Done" } } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(response)).GetProperty("errors").GetProperty("items[1].topic").EnumerateArray().Select(m => m.GetString()).Should().Equal(
            $"The length of 'topic' must be {LearningLimits.TopicReferenceMaxLength} characters or fewer. You entered {LearningLimits.TopicReferenceMaxLength + 1} characters.");
        (await Progress(learner, slug)).Topics.Should().OnlyContain(t => t.Version == 0);
    }

    [Fact]
    public async Task A_note_is_measured_in_characters_so_the_longest_note_in_emoji_is_kept()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", LearningLimits.NoteMaxLength));

        var tooLong = await Put(learner, slug, "b", new { status = "InProgress", note = longest + "\U0001F600" });
        var kept = await Put(learner, slug, "a", new { status = "InProgress", note = longest });

        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(tooLong)).GetProperty("errors").GetProperty("note").EnumerateArray().Select(m => m.GetString()).Should().Equal(
            $"The length of 'note' must be {LearningLimits.NoteMaxLength} characters or fewer. You entered {LearningLimits.NoteMaxLength + 1} characters.");
        kept.StatusCode.Should().Be(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync(Ct));
        var topics = (await Progress(learner, slug)).Topics;
        topics.Single(t => t.Topic == "a").Note.Should().Be(longest);
        topics.Single(t => t.Topic == "b").Version.Should().Be(0, "a refused note changes nothing");
    }

    [Fact]
    public async Task A_batch_of_more_than_500_items_is_refused_and_the_largest_allowed_one_is_read()
    {
        var slug = await Published();
        using var learner = await SignIn();
        var items = Enumerable.Range(0, 501).Select(i => new { topic = $"t{i}", status = "Done" }).ToArray();

        await ShouldBeProblem(await Batch(learner, slug, new { items }), HttpStatusCode.BadRequest, field: "items");

        // The largest batch the rules allow (each note of the longest in emoji, each escaped as two \uXXXX) is read and
        // judged, not cut off: a 400 for its unknown topics, not a 413. Past the endpoint's limit, a 413.
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", LearningLimits.NoteMaxLength));
        var largest = Enumerable.Range(0, UpdateProgressBatchCommand.MaxItems).Select(i => new { topic = $"t{i}", status = "Done", note = longest }).ToArray();
        await ShouldBeProblem(await Batch(learner, slug, new { items = largest }), HttpStatusCode.BadRequest, field: "items[0].topic");
        var huge = new string(' ', (int)ProgressEndpoints.BatchSizeLimit + 1);
        (await Raw(learner, HttpMethod.Post, $"/api/me/roadmaps/{slug}/progress/batch", huge)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    private static Task<HttpResponseMessage> Batch(SignedIn who, string slug, object body) =>
        who.Client.PostAsJsonAsync($"/api/me/roadmaps/{slug}/progress/batch", body, Json, Ct);

    private static async Task<NextTopicsDto> Next(SignedIn who, string slug, string query = "")
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/next{query}", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Read<NextTopicsDto>(response);
    }

    private async Task<string> Published(SignedIn? author = null)
    {
        var slug = TestDocuments.NewSlug("learn");
        using var created = author is null ? await SignIn(Roles.Author) : null;
        var client = (author ?? created!).Client;
        (await client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(slug), Json, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        return slug;
    }

    private static Task<HttpResponseMessage> Follow(SignedIn who, string slug) =>
        who.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = slug }, Json, Ct);

    private static async Task<RoadmapProgressDto> Progress(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/progress", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Read<RoadmapProgressDto>(response);
    }

    private static Task<HttpResponseMessage> Put(SignedIn who, string slug, string topic, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/me/roadmaps/{slug}/progress/{topic}")
        {
            Content = JsonContent.Create(body, options: Json),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return who.Client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> Raw(SignedIn who, HttpMethod method, string path, string json) =>
        who.Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Ct);
}

public sealed class LearningTests_Sqlite(SqliteApiFactory factory) : LearningTests<SqliteApiFactory>(factory);

public sealed class LearningTests_Postgres(PostgresApiFactory factory) : LearningTests<PostgresApiFactory>(factory);
