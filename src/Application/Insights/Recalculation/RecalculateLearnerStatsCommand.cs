using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>
/// Rebuilds one learner's stats on one roadmap from progress and events, in one transaction, and removes the marks it
/// was asked for (those it now includes). Safe to run twice, late or concurrently: it reads everything it writes from.
/// </summary>
public sealed record RecalculateLearnerStatsCommand(Guid LearnerId, Guid RoadmapId, IReadOnlyCollection<Guid> MarkIds)
    : ICommand<Result<bool>>, IRetryOnConflict;
