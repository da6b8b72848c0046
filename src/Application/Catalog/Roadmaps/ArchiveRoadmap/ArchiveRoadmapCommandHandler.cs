using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ArchiveRoadmap;

internal sealed class ArchiveRoadmapCommandHandler(IRepository<LearningRoadmap> roadmaps, IMapper mapper, IClock clock)
    : IRequestHandler<ArchiveRoadmapCommand, Result<Revisioned<RoadmapStateDto>>>
{
    public async Task<Result<Revisioned<RoadmapStateDto>>> Handle(ArchiveRoadmapCommand request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapBySlugSpec(request.Slug), cancellationToken);
        if (roadmap is null)
        {
            return CatalogErrors.RoadmapNotFound(request.Slug);
        }

        var archived = roadmap.Archive(clock.UtcNow);
        return archived.IsSuccess ? new Revisioned<RoadmapStateDto>(mapper.Map<RoadmapStateDto>(roadmap), roadmap.Revision) : archived.Error;
    }
}
