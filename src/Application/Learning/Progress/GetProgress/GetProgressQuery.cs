using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetProgress;

/// <summary>The signed-in learner's progress on every live topic of <paramref name="Roadmap"/>, in roadmap order.</summary>
public sealed record GetProgressQuery(string Roadmap) : IQuery<Result<RoadmapProgressDto>>;
