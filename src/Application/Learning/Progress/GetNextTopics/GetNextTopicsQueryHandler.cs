using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.GetNextTopics;

internal sealed class GetNextTopicsQueryHandler(ICatalogReader catalog, IReadRepository<TopicProgress> progress, ICurrentUser user, IMapper mapper)
    : IRequestHandler<GetNextTopicsQuery, Result<NextTopicsDto>>
{
    public async Task<Result<NextTopicsDto>> Handle(GetNextTopicsQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var stored = (await progress.ListAsync(new RoadmapProgressSpec(learnerId, outline.Id), cancellationToken))
            .ToDictionary(p => p.TopicId);
        ProgressStatus StatusOf(Guid topic) => stored.TryGetValue(topic, out var p) ? p.Status : ProgressStatus.NotStarted;
        bool Settled(Guid topic) => StatusOf(topic) is ProgressStatus.Done or ProgressStatus.Skipped;

        // A prerequisite that is no longer live (retired) holds nothing back.
        var live = outline.Topics.Select(t => t.Id).ToHashSet();
        var next = outline.Topics
            .Where(t => !Settled(t.Id) && t.Prerequisites.Where(live.Contains).All(Settled))
            .Take(request.Limit)
            .Select(t => mapper.Map<NextTopicDto>(new TopicWithProgress(t, stored.GetValueOrDefault(t.Id))))
            .ToList();
        return new NextTopicsDto(next);
    }
}
