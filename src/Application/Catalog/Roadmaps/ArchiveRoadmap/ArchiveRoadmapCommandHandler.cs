using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ArchiveRoadmap;

internal sealed class ArchiveRoadmapCommandHandler(IRepository<LearningRoadmap> roadmaps, IMapper mapper, IClock clock)
    : IRequestHandler<ArchiveRoadmapCommand, Result<RoadmapStateDto>>
{
    public async Task<Result<RoadmapStateDto>> Handle(ArchiveRoadmapCommand request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapBySlugSpec(request.Slug), cancellationToken);
        if (roadmap is null)
        {
            return CatalogErrors.RoadmapNotFound(request.Slug);
        }

        var archived = roadmap.Archive(clock.UtcNow);
        return archived.IsSuccess ? mapper.Map<RoadmapStateDto>(roadmap) : archived.Error;
    }
}
