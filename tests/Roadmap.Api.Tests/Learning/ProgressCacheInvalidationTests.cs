using FluentAssertions;
using Roadmap.Api.Learning;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Tests.Learning;

/// <summary>What a committed progress change does to this node's listings and what it tells the other nodes.</summary>
public sealed class ProgressCacheInvalidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_changing_many_topics_of_a_learner_tells_the_other_nodes_once_and_they_act_on_it()
    {
        var here = new ProgressGenerations();
        var sent = new RecordingMessages();
        var invalidation = new ProgressCacheInvalidation(here, sent);
        var learner = Guid.Parse("6f1c1d7e-2a4b-4c55-9b1e-0d3f2a7c8e11");
        var other = Guid.Parse("0b9e4c2a-7d31-4f8a-a5c6-93e1d2f4b7a0");
        var before = here.Of(learner);

        foreach (var who in new[] { learner, learner, learner, other })
        {
            await invalidation.Handle(Changed(who), Ct);
        }

        here.Of(learner).Should().NotBe(before, "this node's next read of the learner must miss its kept listing");
        sent.Messages.Should().Equal((ProgressChangeMessages.Topic, learner.ToString("N")), (ProgressChangeMessages.Topic, other.ToString("N")));

        var there = new ProgressGenerations();
        var elsewhere = there.Of(learner);
        var untouched = there.Of(other);
        new ProgressChangeMessages(there).Handle(sent.Messages[0].Message);
        there.Of(learner).Should().NotBe(elsewhere, "another node's change of the learner's progress is known here");
        there.Of(other).Should().Be(untouched, "the message named another learner");
    }

    [Fact]
    public void Each_process_keys_its_listings_apart()
    {
        var learner = Guid.NewGuid();

        new ProgressGenerations().Of(learner).Should().NotBe(new ProgressGenerations().Of(learner),
            "a node's count means nothing to another node, or to itself after a restart");
    }

    private static AfterCommit<TopicProgressChangedDomainEvent> Changed(Guid learner) =>
        new(new TopicProgressChangedDomainEvent(learner, Guid.NewGuid(), Guid.NewGuid(), ProgressStatus.NotStarted, ProgressStatus.Done, 1, DateTimeOffset.UtcNow));

    private sealed class RecordingMessages : INodeMessages
    {
        public List<(string Topic, string Message)> Messages { get; } = [];

        public void Publish(string topic, string message) => Messages.Add((topic, message));
    }
}
