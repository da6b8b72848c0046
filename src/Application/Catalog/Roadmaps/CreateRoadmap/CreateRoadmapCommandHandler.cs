using MapsterMapper;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.CreateRoadmap;

internal sealed class CreateRoadmapCommandHandler(IRepository<LearningRoadmap> roadmaps, IMapper mapper, IClock clock)
    : IRequestHandler<CreateRoadmapCommand, Result<Revisioned<ImportRoadmapResult>>>
{
    public async Task<Result<Revisioned<ImportRoadmapResult>>> Handle(CreateRoadmapCommand request, CancellationToken cancellationToken)
    {
        if (await roadmaps.AnyAsync(new RoadmapBySlugSpec(request.Document.Slug), cancellationToken))
        {
            return Error.Conflict("roadmap.slug_taken", $"A roadmap '{request.Document.Slug}' already exists; import the document with PUT to change it.");
        }

        var created = LearningRoadmap.Create(request.Document.Slug, mapper.Map<RoadmapContent>(request.Document), clock.UtcNow);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        roadmaps.Add(created.Value);
        return ImportRoadmapResult.For(created.Value, changes: null, mapper);
    }
}
