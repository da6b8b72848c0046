using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;

/// <summary>
/// Upserts a roadmap from its document, by slug: creates a draft, or applies the document to the existing
/// roadmap (a published one gets a new version when anything changed). Importing the same document twice
/// changes nothing the second time. <paramref name="Publish"/> also publishes a draft. <paramref name="RouteSlug"/>,
/// when given (<c>PUT /api/roadmaps/{slug}</c>), must be the document's slug. With <paramref name="ExpectedRevisions"/>
/// the roadmap must exist and still be at one of those revisions (as read), so an author cannot overwrite a change made since;
/// <paramref name="MustExist"/> asks only that it exists. An import that lost a race to another writer of the roadmap
/// runs again from what that writer left: without expected revisions it applies over it, with them it is refused.
/// </summary>
public sealed record ImportRoadmapCommand(
    RoadmapDocument Document,
    bool Publish = false,
    string? RouteSlug = null,
    IReadOnlyCollection<int>? ExpectedRevisions = null,
    bool MustExist = false) : ICommand<Result<Revisioned<ImportRoadmapResult>>>, IRetryOnConflict;
