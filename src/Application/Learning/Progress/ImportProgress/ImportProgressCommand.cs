using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.ImportProgress;

/// <summary>
/// Applies a progress document of <paramref name="Roadmap"/> (an export, from this account or another) to the signed-in
/// learner's progress, all or nothing. Each topic is found by its id, then by its slug or a former slug; one whose
/// <c>updatedAt</c> is not newer than the stored progress is left alone, so importing twice changes nothing the second
/// time. A change is recorded as of now, as a PUT records it (history is not backdated). Topics the roadmap does not
/// have (live) are reported, not refused. Follows the roadmap if needed.
/// </summary>
public sealed record ImportProgressCommand(string Roadmap, ProgressDocument Document)
    : ICommand<Result<ProgressImportResultDto>>, IRetryOnConflict
{
    /// <summary>As many topics as a roadmap may have live, so an export of any roadmap can be imported back.</summary>
    public const int MaxTopics = CatalogLimits.MaxTopics;

    /// <summary>How far a document's time may be ahead of this server's clock (one exported by another node).</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);
}
