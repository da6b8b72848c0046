using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetProgress;

/// <summary>
/// The signed-in learner's progress on every live topic of <paramref name="Roadmap"/>, in roadmap order, with the
/// revision of the roadmap it was built from.
/// </summary>
public sealed record GetProgressQuery(string Roadmap) : IQuery<Result<Revisioned<RoadmapProgressDto>>>;
