using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Enrollments.FollowRoadmap;

/// <summary>The signed-in learner follows the published roadmap <paramref name="Roadmap"/> (a slug).</summary>
public sealed record FollowRoadmapCommand(string Roadmap) : ICommand<Result<FollowRoadmapResult>>, IRetryOnConflict;
