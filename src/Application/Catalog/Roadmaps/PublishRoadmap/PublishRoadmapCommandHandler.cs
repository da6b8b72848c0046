using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.PublishRoadmap;

internal sealed class PublishRoadmapCommandHandler(IRepository<LearningRoadmap> roadmaps, IMapper mapper, IClock clock)
    : IRequestHandler<PublishRoadmapCommand, Result<Revisioned<RoadmapStateDto>>>
{
    public async Task<Result<Revisioned<RoadmapStateDto>>> Handle(PublishRoadmapCommand request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapBySlugSpec(request.Slug), cancellationToken);
        if (roadmap is null)
        {
            return CatalogErrors.RoadmapNotFound(request.Slug);
        }

        var published = roadmap.Publish(clock.UtcNow);
        return published.IsSuccess ? new Revisioned<RoadmapStateDto>(mapper.Map<RoadmapStateDto>(roadmap), roadmap.Revision) : published.Error;
    }
}
