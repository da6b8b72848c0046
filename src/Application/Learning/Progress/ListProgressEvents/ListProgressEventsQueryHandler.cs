using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.ListProgressEvents;

internal sealed class ListProgressEventsQueryHandler(ICatalogReader catalog, IReadRepository<ProgressEvent> events, ICurrentUser user)
    : IRequestHandler<ListProgressEventsQuery, Result<PagedList<ProgressEventDto>>>
{
    public async Task<Result<PagedList<ProgressEventDto>>> Handle(ListProgressEventsQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        // The whole history, retired topics' events included: it is what stats are rebuilt from.
        var specification = new ProgressEventsSpec(learnerId, outline.Id, request.Page, request.PageSize);
        var items = await events.ProjectToListAsync<ProgressEventDto>(specification, cancellationToken);
        var total = await events.CountAsync(specification, cancellationToken);
        return new PagedList<ProgressEventDto>(items, request.Page, request.PageSize, total);
    }
}
