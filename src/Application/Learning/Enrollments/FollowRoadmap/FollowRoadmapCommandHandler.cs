using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Enrollments.FollowRoadmap;

internal sealed class FollowRoadmapCommandHandler(ICatalogReader catalog, IRepository<Enrollment> enrollments, ICurrentUser user, IClock clock)
    : IRequestHandler<FollowRoadmapCommand, Result<FollowRoadmapResult>>
{
    public async Task<Result<FollowRoadmapResult>> Handle(FollowRoadmapCommand request, CancellationToken cancellationToken)
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

        var outline = roadmap.Value;
        var existing = await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learner.Value, outline.Id), cancellationToken);
        if (existing is { IsActive: true })
        {
            return new FollowRoadmapResult(new EnrollmentDto(outline.Slug, outline.Title, existing.EnrolledAt), Created: false);
        }

        if (outline.Status == RoadmapStatus.Archived)
        {
            return LearningErrors.RoadmapArchived(outline.Slug);
        }

        var (enrollment, started) = await enrollments.FollowAsync(learner.Value, outline.Id, clock.UtcNow, cancellationToken);
        return new FollowRoadmapResult(new EnrollmentDto(outline.Slug, outline.Title, enrollment.EnrolledAt), started);
    }
}
