using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>
/// Saves rebuilt stats rows (loaded untracked, or new) in the command's transaction, in set-based statements however
/// many rows. A row is written only while the stored one is still the version it was rebuilt from (its
/// <c>Version</c> less one; none stored for a new row), so a recalculation that lost a race changes nothing and the
/// command runs again.
/// </summary>
public interface IStatsWriter
{
    /// <summary>Writes the rows (each learner and roadmap, each learner's streaks, once), or has them saved with the command.</summary>
    /// <exception cref="Common.Ports.ConcurrencyConflictException">Another recalculation wrote one of the rows first (here or when the command commits).</exception>
    Task SaveAsync(IReadOnlyCollection<LearnerRoadmapStats> stats, IReadOnlyCollection<LearnerStreaks> streaks, CancellationToken cancellationToken);
}
