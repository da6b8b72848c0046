using FluentValidation;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Common.Validation;
using Roadmap.Application.Insights.Marking;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>
/// An Admin has stats recalculated now, in the background: of the learners enrolled in <paramref name="Roadmap"/> (a
/// slug), of <paramref name="LearnerId"/> only, of both or, with neither, of everyone. Answers the job's id.
/// </summary>
public sealed record RecalculateStatsCommand(string? Roadmap = null, Guid? LearnerId = null) : ICommand<Result<StatsRecalculationStarted>>;

/// <summary>The background job that marks and recalculates the chosen stats.</summary>
public sealed record StatsRecalculationStarted(string JobId);

internal sealed class RecalculateStatsCommandValidator : AbstractValidator<RecalculateStatsCommand>
{
    public RecalculateStatsCommandValidator()
    {
        RuleFor(c => c.Roadmap).NotEmpty().MaximumCharacters(CatalogLimits.SlugMaxLength).When(c => c.Roadmap is not null);
        RuleFor(c => c.LearnerId).NotEqual(Guid.Empty);
    }
}

internal sealed class RecalculateStatsCommandHandler(ICatalogReader catalog, ILearnerProfiles profiles, IStatsRecalculationJobs jobs)
    : IRequestHandler<RecalculateStatsCommand, Result<StatsRecalculationStarted>>
{
    public async Task<Result<StatsRecalculationStarted>> Handle(RecalculateStatsCommand request, CancellationToken cancellationToken)
    {
        Guid? roadmapId = null;
        if (request.Roadmap is { } slug)
        {
            // Drafts included: an Admin sees them (they have no learners, so nothing is marked).
            var outline = await catalog.GetRoadmapOutlineAsync(slug, cancellationToken);
            if (outline is null)
            {
                return InsightsErrors.RoadmapNotFound(slug);
            }

            roadmapId = outline.Id;
        }

        if (request.LearnerId is { } learnerId && !(await profiles.FindAsync(new[] { learnerId }, cancellationToken)).ContainsKey(learnerId))
        {
            return InsightsErrors.LearnerNotFound(learnerId);
        }

        return new StatsRecalculationStarted(jobs.EnqueueRecalculation(roadmapId, request.LearnerId));
    }
}
