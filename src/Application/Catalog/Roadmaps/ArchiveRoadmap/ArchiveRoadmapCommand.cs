using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ArchiveRoadmap;

/// <summary>Takes a roadmap out of the catalog; its learners keep their history. Run again after losing a race to an update.</summary>
public sealed record ArchiveRoadmapCommand(string Slug) : ICommand<Result<Revisioned<RoadmapStateDto>>>, IRetryOnConflict;
