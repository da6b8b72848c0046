using System.Collections.Concurrent;
using System.Globalization;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Learning;

/// <summary>
/// What this node knows of each learner's progress: a number that moves with every committed change it saved or was
/// told of (<see cref="ProgressChangeMessages"/>). Cached progress listings are keyed by it, so once a change is known
/// here no older listing is served again. Keys are this process's own (its id is in them): another node, or this one
/// before a restart, counts differently, so a shared store never hands one node's entries to another.
/// </summary>
internal sealed class ProgressGenerations
{
    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<Guid, long> _byLearner = new();
    private long _all;

    /// <summary>The part of a listing's cache key that moves when anything this learner sees may have changed.</summary>
    public string Of(Guid learner) => string.Create(
        CultureInfo.InvariantCulture, $"{_process}.{Interlocked.Read(ref _all)}.{_byLearner.GetValueOrDefault(learner)}");

    public void Advance(Guid learner) => _byLearner.AddOrUpdate(learner, 1, (_, known) => known + 1);

    /// <summary>Every learner at once: changes may have been missed.</summary>
    public void AdvanceAll() => Interlocked.Increment(ref _all);
}

/// <summary>
/// Once a progress change is committed, moves the learner's generation on this node (before the answer leaves it, so
/// the learner's next read here shows the change), and tells the other nodes, once per command and learner.
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

    public void Handle(string message)
    {
        if (Guid.TryParseExact(message, "N", out var learner))
        {
            generations.Advance(learner);
        }
    }

    /// <summary>Messages of the outage may have been missed: every listing this node kept is dropped.</summary>
    public void Resync() => generations.AdvanceAll();
}
