using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Paging;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;

/// <summary>
/// Roadmaps of one status, a page at a time. Only Authors, Admins and the system may
/// list drafts; anyone may list published and archived roadmaps.
/// </summary>
public sealed record ListRoadmapsQuery(
    int Page = 1,
    int PageSize = IPagedRequest.DefaultPageSize,
    RoadmapStatus Status = RoadmapStatus.Published) : IQuery<Result<PagedList<RoadmapSummaryDto>>>, IPagedRequest;
