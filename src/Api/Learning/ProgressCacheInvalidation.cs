using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Learning;

/// <summary>
/// What this node knows of learners' progress: a number per learner that moves with every committed change this node
/// saved or was told of (<see cref="ProgressChangeMessages"/>). Cached progress listings are keyed by it, so once a
/// change is known here no older listing is served again. Learners share a fixed set of counters (by hash), so the
/// memory stays the same however many write: a learner sharing a counter with one who wrote only rebuilds a listing
/// once more. Keys are this process's own (a random id is in them): another node, or this one before a restart, counts
/// differently.
/// </summary>
internal sealed class ProgressGenerations
{
    private const int Counters = 1 << 16;

    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly long[] _counters = new long[Counters];
    private long _all;

    /// <summary>The part of a listing's cache key that moves when anything this learner sees may have changed.</summary>
    public string Of(Guid learner) =>
        $"{_process}.{Interlocked.Read(ref _all)}.{Interlocked.Read(ref _counters[Index(learner)])}";

    public void Advance(Guid learner) => Interlocked.Increment(ref _counters[Index(learner)]);

    /// <summary>Every learner at once: changes may have been missed.</summary>
    public void AdvanceAll() => Interlocked.Increment(ref _all);

    private static int Index(Guid learner) => learner.GetHashCode() & (Counters - 1);
}

/// <summary>
/// Once a progress change is committed, moves the learner's generation on this node (before the answer leaves it, so
/// the learner's next read here shows the change), and tells the other nodes, once per request and learner.
/// </summary>
internal sealed class ProgressCacheInvalidation(ProgressGenerations generations, INodeMessages messages)
    : INotificationHandler<AfterCommit<TopicProgressChangedDomainEvent>>
{
    private readonly HashSet<Guid> _told = [];

    public Task Handle(AfterCommit<TopicProgressChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var learner = notification.DomainEvent.LearnerId;
        generations.Advance(learner);
        if (_told.Add(learner))
        {
            messages.Publish(ProgressChangeMessages.Topic, learner.ToString("N"));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Another node committed a change of a learner's progress: this node no longer serves that learner's listings it
/// kept. Delivery is at most once; a listing is kept for <see cref="ProgressReadCachePolicy.Lifetime"/> at most, which
/// bounds what a missed message can leave behind.
/// </summary>
internal sealed class ProgressChangeMessages(ProgressGenerations generations) : INodeMessageHandler
{
    public const string Topic = "progress";

    string INodeMessageHandler.Topic => Topic;

    public void Handle(string message) => generations.Advance(Guid.ParseExact(message, "N"));

    /// <summary>Messages of the outage may have been missed: every listing this node kept is dropped.</summary>
    public void Resync() => generations.AdvanceAll();
}
