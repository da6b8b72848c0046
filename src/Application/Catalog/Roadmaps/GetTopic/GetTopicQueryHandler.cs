using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.GetTopic;

internal sealed class GetTopicQueryHandler(IReadRepository<LearningRoadmap> roadmaps, ICurrentUser user, IMapper mapper)
    : IRequestHandler<GetTopicQuery, Result<Revisioned<TopicDetailsDto>>>
{
    public async Task<Result<Revisioned<TopicDetailsDto>>> Handle(GetTopicQuery request, CancellationToken cancellationToken)
    {
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(request.RoadmapSlug), cancellationToken);
        if (roadmap is null || !roadmap.IsVisible(user.MaySeeDrafts()))
        {
            return CatalogErrors.RoadmapNotFound(request.RoadmapSlug);
        }

        var topic = roadmap.FindTopic(request.TopicSlug);
        if (topic is null)
        {
            return CatalogErrors.TopicNotFound(request.RoadmapSlug, request.TopicSlug);
        }

        var topicDto = CatalogMappings.MapFromRoadmap<TopicDto>(mapper, topic, roadmap);
        return new Revisioned<TopicDetailsDto>(new TopicDetailsDto(roadmap.Slug, roadmap.Version, topicDto), roadmap.Revision);
    }
}
