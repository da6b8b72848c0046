using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;

internal sealed class ExportRoadmapQueryHandler(IReadRepository<LearningRoadmap> roadmaps, IMapper mapper)
    : IRequestHandler<ExportRoadmapQuery, Result<Revisioned<RoadmapDocument>>>
{
    public async Task<Result<Revisioned<RoadmapDocument>>> Handle(ExportRoadmapQuery request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(request.Slug), cancellationToken);
        return roadmap is null
            ? CatalogErrors.RoadmapNotFound(request.Slug)
            : new Revisioned<RoadmapDocument>(mapper.Map<RoadmapDocument>(roadmap), roadmap.Revision);
    }
}
