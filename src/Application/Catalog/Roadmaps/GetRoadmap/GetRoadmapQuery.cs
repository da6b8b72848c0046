using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.GetRoadmap;

/// <summary>A whole roadmap. Drafts are found only by those who may see them (Authors, Admins, the system).</summary>
public sealed record GetRoadmapQuery(string Slug) : IQuery<Result<Revisioned<RoadmapDto>>>;
