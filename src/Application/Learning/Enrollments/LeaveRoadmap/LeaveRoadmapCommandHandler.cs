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
        var learner = user.Learner();
        if (!learner.IsSuccess)
        {
            return learner.Error;
        }

        var roadmap = await catalog.FindAsync(request.Roadmap, cancellationToken);
        if (!roadmap.IsSuccess)
        {
            return roadmap.Error;
        }

        var enrollment = await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learner.Value, roadmap.Value.Id), cancellationToken);
        return enrollment is not null && enrollment.Leave(clock.UtcNow) ? Result.Success() : LearningErrors.NotFollowing(request.Roadmap);
    }
}
