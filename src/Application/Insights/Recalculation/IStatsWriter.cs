using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>
/// Saves rebuilt stats rows in the command's transaction, a few set-based statements however many rows, instead of
/// loading them tracked and saving one by one. Each row is written only while the stored one is still the version it
/// was rebuilt from (its <c>Version</c> less one; none stored for a new row), so a recalculation that lost a race
/// changes nothing and the command runs again.
/// </summary>
public interface IStatsWriter
{
    /// <exception cref="Common.Ports.ConcurrencyConflictException">Another recalculation wrote one of the rows first.</exception>
    Task SaveAsync(IReadOnlyCollection<LearnerRoadmapStats> stats, IReadOnlyCollection<LearnerStreaks> streaks, CancellationToken cancellationToken);
}
