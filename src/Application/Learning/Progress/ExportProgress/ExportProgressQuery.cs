using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.ExportProgress;

/// <summary>
/// The signed-in learner's progress on <paramref name="Roadmap"/> as a document: the topics they touched (a stored
/// status or note) among its live topics, in roadmap order. Retired topics are left out, as in the listing.
/// </summary>
public sealed record ExportProgressQuery(string Roadmap) : IQuery<Result<ProgressDocument>>;
