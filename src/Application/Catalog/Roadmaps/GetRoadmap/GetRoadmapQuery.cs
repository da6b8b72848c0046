using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.GetRoadmap;

/// <summary>A whole roadmap. Drafts are found only when <paramref name="CanSeeDrafts"/> (Authors and Admins).</summary>
public sealed record GetRoadmapQuery(string Slug, bool CanSeeDrafts = false) : IQuery<Result<RoadmapDto>>;
