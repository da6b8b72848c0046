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
        var found = await catalog.FindForLearnerAsync(user, request.Roadmap, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (learnerId, outline) = found.Value;

        var existing = await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learnerId, outline.Id), cancellationToken);
        if (existing is { IsActive: true })
        {
            return new FollowRoadmapResult(new EnrollmentDto(outline.Slug, outline.Title, existing.EnrolledAt), Created: false);
        }

        if (outline.Status == RoadmapStatus.Archived)
        {
            return LearningErrors.RoadmapArchived(outline.Slug);
        }

        var (enrollment, started) = enrollments.Follow(existing, learnerId, outline.Id, clock.UtcNow);
        return new FollowRoadmapResult(new EnrollmentDto(outline.Slug, outline.Title, enrollment.EnrolledAt), started);
    }
}
