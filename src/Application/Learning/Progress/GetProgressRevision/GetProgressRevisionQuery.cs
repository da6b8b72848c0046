using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetProgressRevision;

/// <summary>
/// What the signed-in learner's progress listing of <paramref name="Roadmap"/> is built from, as two numbers that only
/// grow: the roadmap's revision and the learner's newest progress event on it. The listing changes only when one of them
/// does (every effective change of a progress appends an event), so a listing kept with them may be answered again
/// while the database still shows the same two.
/// </summary>
public sealed record GetProgressRevisionQuery(string Roadmap) : IQuery<Result<ProgressRevision>>;
