namespace Roadmap.Application.Insights.Marking;

/// <summary>Starts recalculations in the background (a job scheduler behind it), so handlers never name one.</summary>
public interface IStatsRecalculationJobs
{
    /// <summary>
    /// Enqueues a job that marks the stats of the learners enrolled in <paramref name="roadmapId"/> (every roadmap when
    /// null), only <paramref name="learnerId"/>'s when given, with <see cref="MarkEnrolledLearnersCommand"/>, then has
    /// the marks recalculated. Returns the job's id.
    /// </summary>
    string EnqueueRecalculation(Guid? roadmapId, Guid? learnerId);
}
