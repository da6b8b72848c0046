using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetProgressRevision;

/// <summary>
/// What the signed-in learner's progress listing of <paramref name="Roadmap"/> is built from, as two numbers that only
/// grow: the roadmap's revision and how many progress events the learner has on it. The listing changes only when one
/// of them does (every effective change of a progress appends an event; events are never removed), so a listing kept
/// with them may be answered again while the database still shows the same two. A count, not the newest event id: ids
/// are handed out when an event is inserted, not when it commits, so a later id may commit first and an earlier one
/// after it, leaving the newest id unchanged; every commit raises the count.
/// </summary>
public sealed record GetProgressRevisionQuery(string Roadmap) : IQuery<Result<ProgressRevision>>;
