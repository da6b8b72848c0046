using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>
/// Rebuilds the stats of these learners on these roadmaps from their progress and events, in one transaction, and
/// removes the marks given with them (those the rebuild now includes). Set-based: a few queries per roadmap however
/// many learners. Safe to run twice, late or concurrently: it reads everything it writes from. Answers how many
/// rows it wrote.
/// </summary>
public sealed record RecalculateStatsBatchCommand(IReadOnlyList<PendingStats> Items) : ICommand<Result<int>>, IRetryOnConflict
{
    /// <summary>One learner's stats on one roadmap, with no mark to clear.</summary>
    public static RecalculateStatsBatchCommand For(Guid learnerId, Guid roadmapId) => 
        new(new[] { new PendingStats(learnerId, roadmapId, Array.Empty<Guid>()) }); // an array: the rules refuse the compiler's one-element list type
}
