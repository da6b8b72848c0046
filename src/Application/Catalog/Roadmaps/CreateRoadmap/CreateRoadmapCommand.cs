using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.CreateRoadmap;

/// <summary>Creates a draft from a document; a slug already in use is a conflict (use import to update).</summary>
public sealed record CreateRoadmapCommand(RoadmapDocument Document) : ICommand<Result<Revisioned<ImportRoadmapResult>>>;
