using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;

/// <summary>The roadmap's document: importing it back changes nothing.</summary>
public sealed record ExportRoadmapQuery(string Slug) : IQuery<Result<Revisioned<RoadmapDocument>>>;
