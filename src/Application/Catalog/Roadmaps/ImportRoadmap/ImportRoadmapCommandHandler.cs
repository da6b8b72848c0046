using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;

internal sealed class ImportRoadmapCommandHandler(IRepository<LearningRoadmap> roadmaps, IMapper mapper, IClock clock)
    : IRequestHandler<ImportRoadmapCommand, Result<Revisioned<ImportRoadmapResult>>>
{
    public async Task<Result<Revisioned<ImportRoadmapResult>>> Handle(ImportRoadmapCommand request, CancellationToken cancellationToken)
    {
        var document = request.Document;
        var content = mapper.Map<RoadmapContent>(document);
        var now = clock.UtcNow;
        var roadmap = await roadmaps.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(document.Slug, forUpdate: true), cancellationToken);

        if ((request.MustExist || request.ExpectedRevisions is not null)
            && (roadmap is null || (request.ExpectedRevisions is { } expected && !expected.Contains(roadmap.Revision))))
        {
            return CatalogErrors.RoadmapChanged(document.Slug);
        }

        RoadmapChanges? changes = null;
        if (roadmap is null)
        {
            var creation = LearningRoadmap.Create(document.Slug, content, now);
            if (!creation.IsSuccess)
            {
                return creation.Error;
            }

            roadmap = creation.Value;
            roadmaps.Add(roadmap);
        }
        else
        {
            var applied = roadmap.Apply(content, now);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }

            changes = applied.Value;
        }

        if (request.Publish && roadmap.Status == RoadmapStatus.Draft)
        {
            roadmap.Publish(now);
        }

        return ImportRoadmapResult.For(roadmap, changes, mapper);
    }
}
