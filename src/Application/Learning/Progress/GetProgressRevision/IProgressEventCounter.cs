namespace Roadmap.Application.Learning.Progress.GetProgressRevision;

/// <summary>
/// How many progress events a learner has on a roadmap. Asked by every progress read before its cache is looked up
/// (<see cref="GetProgressRevisionQuery"/>), so the Infrastructure answers it with one plain command rather than
/// through a specification and EF Core's query pipeline.
/// </summary>
public interface IProgressEventCounter
{
    Task<int> CountAsync(Guid learnerId, Guid roadmapId, CancellationToken cancellationToken);
}
