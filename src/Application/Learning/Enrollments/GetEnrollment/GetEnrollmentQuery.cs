using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Enrollments.GetEnrollment;

/// <summary>The signed-in learner's following of <paramref name="Roadmap"/> (what a follow's Location names).</summary>
public sealed record GetEnrollmentQuery(string Roadmap) : IQuery<Result<EnrollmentListItemDto>>;

internal sealed class GetEnrollmentQueryHandler(ICatalogReader catalog, IReadRepository<Enrollment> enrollments, ICurrentUser user)
    : IRequestHandler<GetEnrollmentQuery, Result<EnrollmentListItemDto>>
{
    public async Task<Result<EnrollmentListItemDto>> Handle(GetEnrollmentQuery request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;
        var enrollment = await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learnerId, outline.Id), cancellationToken);
        return enrollment is { IsActive: true }
            ? new EnrollmentListItemDto(outline.Slug, outline.Title, enrollment.EnrolledAt, enrollment.LastActivityAt)
            : LearningErrors.NotFollowing(request.Roadmap);
    }
}
