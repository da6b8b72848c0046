using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.PublishRoadmap;

/// <summary>Makes a draft public as version 1; run again after losing a race to an update (it has no precondition).</summary>
public sealed record PublishRoadmapCommand(string Slug) : ICommand<Result<Revisioned<RoadmapStateDto>>>, IRetryOnConflict;
