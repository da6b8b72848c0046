using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.GetProgress;

internal sealed class GetProgressQueryHandler(ICatalogReader catalog, IReadRepository<TopicProgress> progress, ICurrentUser user, IMapper mapper)
    : IRequestHandler<GetProgressQuery, Result<Revisioned<RoadmapProgressDto>>>
{
    public async Task<Result<Revisioned<RoadmapProgressDto>>> Handle(GetProgressQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var stored = (await progress.ListAsync(new RoadmapProgressSpec(learnerId, outline.Id), cancellationToken))
            .ToDictionary(p => p.TopicId);

        // Live topics only: a retired topic's progress is kept but leaves the listing; a new topic starts untouched.
        var topics = outline.Topics
            .Select(t => mapper.Map<TopicProgressDto>(new TopicWithProgress(t, stored.GetValueOrDefault(t.Id))))
            .ToList();
        return new Revisioned<RoadmapProgressDto>(new RoadmapProgressDto(outline.Slug, outline.Version, topics), outline.Revision);
    }
}
