using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Enrollments.LeaveRoadmap;

/// <summary>The signed-in learner stops following <paramref name="Roadmap"/>; their progress is kept.</summary>
public sealed record LeaveRoadmapCommand(string Roadmap) : ICommand<Result>, IRetryOnConflict;
