using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Enrollments.ListEnrollments;

internal sealed class ListEnrollmentsQueryHandler(IReadRepository<Enrollment> enrollments, ICatalogReader catalog, ICurrentUser user)
    : IRequestHandler<ListEnrollmentsQuery, Result<PagedList<EnrollmentListItemDto>>>
{
    public async Task<Result<PagedList<EnrollmentListItemDto>>> Handle(ListEnrollmentsQuery request, CancellationToken cancellationToken)
    {
        var learner = user.Learner();
        if (!learner.IsSuccess)
        {
            return learner.Error;
        }

        var specification = new ActiveEnrollmentsSpec(learner.Value, request.Page, request.PageSize);
        var page = await enrollments.ListAsync(specification, cancellationToken);
        var total = await enrollments.CountAsync(specification, cancellationToken);

        // Names come from the Catalog, through its contract: one query for the whole page.
        var names = await catalog.GetRoadmapNamesAsync([.. page.Select(e => e.RoadmapId)], cancellationToken);
        var items = page
            .Where(e => names.ContainsKey(e.RoadmapId))
            .Select(e => new EnrollmentListItemDto(names[e.RoadmapId].Slug, names[e.RoadmapId].Title, e.EnrolledAt, e.LastActivityAt))
            .ToList();
        return new PagedList<EnrollmentListItemDto>(items, request.Page, request.PageSize, total);
    }
}
