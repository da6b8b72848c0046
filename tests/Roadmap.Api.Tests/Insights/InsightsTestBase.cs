using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Insights.Contracts;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Insights;

/// <summary>What the Insights tests do over HTTP: publish a roadmap, change progress, opt in, wait for the recalculation.</summary>
public abstract class InsightsTestBase<TFactory> : ApiTestBase<TFactory>
    where TFactory : RoadmapApiFactory
{
    protected InsightsTestBase(TFactory factory)
        : base(factory) =>
        factory.Clock.Reset();

    protected static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    /// <summary>A published roadmap of three topics: a and b in basics, c in advanced.</summary>
    protected async Task<string> Published(string prefix = "board")
    {
        using var author = await SignIn(Roles.Author);
        return await Published(author, prefix);
    }

    /// <summary>A roadmap of three topics (a and b in basics, c in advanced) that <paramref name="author"/> publishes.</summary>
    protected async Task<string> Published(SignedIn author, string prefix = "board")
    {
        ArgumentNullException.ThrowIfNull(author);
        var slug = TestDocuments.NewSlug(prefix);
        var created = await author.Client.PostAsJsonAsync("/api/roadmaps", TestDocuments.Small(slug), Json, Ct);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        (await author.Client.PostAsync($"/api/roadmaps/{slug}/publish", null, Ct)).EnsureSuccessStatusCode();
        return slug;
    }

    /// <summary>A learner with this display name (and time zone), opted in to leaderboards unless told otherwise.</summary>
    protected async Task<SignedIn> Learner(string displayName, bool showOnLeaderboard = true, string timeZone = "UTC")
    {
        var learner = await SignIn();
        var patched = await learner.Client.PatchAsJsonAsync("/api/me", new { displayName, timeZone, showOnLeaderboard }, Json, Ct);
        patched.StatusCode.Should().Be(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync(Ct));
        return learner;
    }

    /// <summary>As the other overload, with <paramref name="at"/> an instant written in ISO 8601.</summary>
    protected Task<long> Change(SignedIn who, string slug, string topic, string status, string? at = null) =>
        Change(who, slug, topic, status, at is null ? null : At(at));

    /// <summary>Sets a topic's status, at <paramref name="at"/> on the service's clock when given; returns the event id.</summary>
    protected async Task<long> Change(SignedIn who, string slug, string topic, string status, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (at is { } instant)
        {
            Factory.Clock.Set(instant);
        }

        var response = await who.Client.PutAsJsonAsync($"/api/me/roadmaps/{slug}/progress/{topic}", new { status }, Json, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await Read<TopicProgressUpdateDto>(response)).EventId!.Value;
    }

    /// <summary>Waits until the learner's stats on the roadmap include event <paramref name="eventId"/>.</summary>
    protected async Task<RoadmapStatsDto> Recalculated(SignedIn who, string slug, long eventId) =>
        await Eventually.Until(() => RoadmapStats(who, slug), s => s.LastEventId >= eventId, Ct);

    protected static async Task<RoadmapStatsDto> RoadmapStats(SignedIn who, string slug)
    {
        var response = await who.Client.GetAsync($"/api/me/roadmaps/{slug}/stats", Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Read<RoadmapStatsDto>(response);
    }
}
