using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Enrollments.ListEnrollments;

/// <summary>The roadmaps the signed-in learner follows, most recently followed first, a page at a time.</summary>
public sealed record ListEnrollmentsQuery(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize)
    : IQuery<Result<PagedList<EnrollmentListItemDto>>>, IPagedRequest;
