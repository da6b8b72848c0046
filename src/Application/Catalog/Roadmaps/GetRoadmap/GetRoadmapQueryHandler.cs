using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.GetRoadmap;

internal sealed class GetRoadmapQueryHandler(IReadRepository<LearningRoadmap> roadmaps, ICurrentUser user, IMapper mapper)
    : IRequestHandler<GetRoadmapQuery, Result<Revisioned<RoadmapDto>>>
{
    public async Task<Result<Revisioned<RoadmapDto>>> Handle(GetRoadmapQuery request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(request.Slug), cancellationToken);

        // A draft is reported missing, not forbidden, so its existence does not leak.
        return roadmap is null || !roadmap.IsVisible(user.MaySeeDrafts())
            ? CatalogErrors.RoadmapNotFound(request.Slug)
            : new Revisioned<RoadmapDto>(CatalogMappings.MapFromRoadmap<RoadmapDto>(mapper, roadmap, roadmap), roadmap.Revision);
    }
}
