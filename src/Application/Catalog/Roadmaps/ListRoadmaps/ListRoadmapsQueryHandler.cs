using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;

internal sealed class ListRoadmapsQueryHandler(IReadRepository<LearningRoadmap> roadmaps, ICurrentUser user)
    : IRequestHandler<ListRoadmapsQuery, Result<PagedList<RoadmapSummaryDto>>>
{
    public async Task<Result<PagedList<RoadmapSummaryDto>>> Handle(ListRoadmapsQuery request, CancellationToken cancellationToken)
    {
        if (request.Status == RoadmapStatus.Draft && !user.MaySeeDrafts())
        {
            // Anonymous: sign in first (401); signed in without the role: forbidden (403).
            return user.Id is null
                ? Error.Unauthorized("roadmap.drafts_sign_in", "Sign in as an Author or Admin to list drafts.")
                : Error.Forbidden("roadmap.drafts_forbidden", "Only Authors and Admins can list drafts.");
        }

        var specification = new RoadmapsByStatusSpec(request.Status, request.Page, request.PageSize);
        var items = await roadmaps.ProjectToListAsync<RoadmapSummaryDto>(specification, cancellationToken);
        var total = await roadmaps.CountAsync(specification, cancellationToken);
        return new PagedList<RoadmapSummaryDto>(items, request.Page, request.PageSize, total);
    }
}
