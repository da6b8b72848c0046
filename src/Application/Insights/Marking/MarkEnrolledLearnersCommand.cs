using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// Marks the stats of enrolled learners out of date — of one roadmap, of one learner, of both or of everyone — one
/// batch of at most <see cref="BatchSize"/> enrollments per command (one transaction), from the
/// <paramref name="Skip"/>th enrollment in a stable order. Send it again from <see cref="MarkedLearners.Next"/> until
/// that is null. Left learners are marked too: they keep their progress and can still read their stats, and following
/// again writes no mark. Safe to run twice: a recalculation coalesces every mark of a learner and roadmap.
/// </summary>
public sealed record MarkEnrolledLearnersCommand(Guid? RoadmapId, Guid? LearnerId, int Skip = 0) : ICommand<Result<MarkedLearners>>
{
    public const int BatchSize = 1_000;
}

/// <summary>How many enrollments this batch marked, and where the next batch starts (null: none left).</summary>
public sealed record MarkedLearners(int Marked, int? Next);

internal sealed class MarkEnrolledLearnersCommandValidator : AbstractValidator<MarkEnrolledLearnersCommand>
{
    public MarkEnrolledLearnersCommandValidator() => RuleFor(c => c.Skip).GreaterThanOrEqualTo(0);
}

internal sealed class MarkEnrolledLearnersCommandHandler(IReadRepository<Enrollment> enrollments, IRepository<StatsMark> marks, IClock clock)
    : IRequestHandler<MarkEnrolledLearnersCommand, Result<MarkedLearners>>
{
    public async Task<Result<MarkedLearners>> Handle(MarkEnrolledLearnersCommand request, CancellationToken cancellationToken)
    {
        // Enrollments are never deleted and new ones sort last (time-ordered ids), so paging by offset skips no one.
        var batch = await enrollments.ListAsync(
            new EnrolledLearnersSpec(request.RoadmapId, request.LearnerId, request.Skip, MarkEnrolledLearnersCommand.BatchSize), cancellationToken);
        var now = clock.UtcNow;
        foreach (var enrolled in batch)
        {
            marks.Add(StatsMark.For(enrolled.LearnerId, enrolled.RoadmapId, now));
        }

        return new MarkedLearners(batch.Count, batch.Count == MarkEnrolledLearnersCommand.BatchSize ? request.Skip + batch.Count : null);
    }
}
