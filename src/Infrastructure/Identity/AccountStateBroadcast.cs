using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// Evicts a changed account from this node's cache and tells every other node to evict it too (with Redis; without
/// it the message goes nowhere and other nodes see the change when their entry expires). Another node's message
/// evicts here. After an outage of the connection, messages may have been missed: every entry is dropped.
/// </summary>
internal sealed class AccountStateBroadcast(AccountStateCache local, INodeMessages messages) : IAccountStateEviction, INodeMessageHandler
{
    private const string Everyone = "*";

    public string Topic => "accounts";

    public void Evict(IReadOnlyCollection<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        local.Evict(userIds);
        if (userIds.Count > 0)
        {
            messages.Publish(Topic, string.Join(',', userIds));
        }
    }

    public void EvictAll()
    {
        local.EvictAll();
        messages.Publish(Topic, Everyone);
    }

    public void Handle(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message == Everyone)
        {
            local.EvictAll();
            return;
        }

        local.Evict([.. message.Split(',').Select(id => Guid.Parse(id))]);
    }

    public void Resync() => local.EvictAll();
}
