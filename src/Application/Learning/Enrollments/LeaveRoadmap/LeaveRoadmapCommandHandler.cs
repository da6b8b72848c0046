using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Enrollments.LeaveRoadmap;

internal sealed class LeaveRoadmapCommandHandler(ICatalogReader catalog, IRepository<Enrollment> enrollments, ICurrentUser user, IClock clock)
    : IRequestHandler<LeaveRoadmapCommand, Result>
{
    public async Task<Result> Handle(LeaveRoadmapCommand request, CancellationToken cancellationToken)
    {
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var enrollment = await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learnerId, outline.Id), cancellationToken);
        return enrollment is not null && enrollment.Leave(clock.UtcNow) ? Result.Success() : LearningErrors.NotFollowing(request.Roadmap);
    }
}
