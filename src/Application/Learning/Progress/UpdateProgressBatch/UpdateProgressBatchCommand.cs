using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateProgressBatch;

/// <summary>
/// Sets the signed-in learner's progress on several distinct topics of <paramref name="Roadmap"/> at once, all or
/// nothing: one bad item (unknown or retired topic, the same topic named twice, a bad field) changes nothing.
/// </summary>
public sealed record UpdateProgressBatchCommand(string Roadmap, IReadOnlyList<ProgressBatchItem> Items)
    : ICommand<Result<ProgressBatchResultDto>>, IRetryOnConflict
{
    public const int MaxItems = 500;
}

/// <summary>One topic's change: its status, and its note when <paramref name="NoteSent"/> (null or empty clears it).</summary>
public sealed record ProgressBatchItem(string Topic, ProgressStatus? Status, bool NoteSent = false, string? Note = null);
