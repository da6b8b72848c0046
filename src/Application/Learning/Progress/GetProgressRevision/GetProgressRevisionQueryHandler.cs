using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetProgressRevision;

internal sealed class GetProgressRevisionQueryHandler(ICatalogReader catalog, IProgressEventCounter progressEvents, ICurrentUser user)
    : IRequestHandler<GetProgressRevisionQuery, Result<ProgressRevision>>
{
    public async Task<Result<ProgressRevision>> Handle(GetProgressRevisionQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;
        var events = await progressEvents.CountAsync(learnerId, outline.Id, cancellationToken);
        return new ProgressRevision(outline.Revision, events);
    }
}
