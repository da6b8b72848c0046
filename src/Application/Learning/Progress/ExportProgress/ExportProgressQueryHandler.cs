using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.ExportProgress;

internal sealed class ExportProgressQueryHandler(
    ICatalogReader catalog, IReadRepository<TopicProgress> progress, ICurrentUser user, IClock clock, IMapper mapper)
    : IRequestHandler<ExportProgressQuery, Result<ProgressDocument>>
{
    public async Task<Result<ProgressDocument>> Handle(ExportProgressQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var stored = (await progress.ListAsync(new RoadmapProgressSpec(learnerId, outline.Id), cancellationToken))
            .ToDictionary(p => p.TopicId);

        // Each topic by its id and its slug of now, so the document can be read back after a rename either way.
        var topics = outline.Topics
            .Where(t => stored.ContainsKey(t.Id))
            .Select(t => mapper.Map<ProgressTopicDocument>(new TopicWithProgress(t, stored[t.Id])))
            .ToList();
        return new ProgressDocument
        {
            Format = ProgressDocument.CurrentFormat,
            Roadmap = outline.Slug,
            RoadmapVersion = outline.Version,
            ExportedAt = clock.UtcNow,
            Topics = topics,
        };
    }
}
