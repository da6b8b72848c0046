using FluentValidation;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.AuthorInsights;

/// <summary>
/// Rebuilds a roadmap's insights row whole from the source of truth — who follows it, their stats rows, their progress
/// and events — in one transaction: a few aggregate queries and one streamed read of the activity, however many
/// learners. Safe to run twice, late or concurrently: it reads everything it writes from, and of two runs at once the
/// one that read first and saves last conflicts (the row's version) and runs again.
/// </summary>
public sealed record RecalculateRoadmapInsightsCommand(Guid RoadmapId) : ICommand<Result>, IRetryOnConflict;

internal sealed class RecalculateRoadmapInsightsCommandValidator : AbstractValidator<RecalculateRoadmapInsightsCommand>
{
    public RecalculateRoadmapInsightsCommandValidator() => RuleFor(c => c.RoadmapId).NotEqual(Guid.Empty);
}

internal sealed class RecalculateRoadmapInsightsCommandHandler(
    ICatalogReader catalog,
    IRoadmapLearners learners,
    IReadRepository<LearnerRoadmapStats> stats,
    IRepository<RoadmapInsights> insights,
    IClock clock) : IRequestHandler<RecalculateRoadmapInsightsCommand, Result>
{
    public async Task<Result> Handle(RecalculateRoadmapInsightsCommand request, CancellationToken cancellationToken)
    {
        // The stored row first, then its sources (the roadmap too): a rebuild beside this one that commits after this
        // read changes the row's version, so this one's save conflicts and runs again, reading sources at least as new
        // as the other's.
        var row = await insights.SingleOrDefaultAsync(new RoadmapInsightsSpec(request.RoadmapId), cancellationToken);
        var outline = await catalog.GetRoadmapOutlineAsync(request.RoadmapId, cancellationToken);
        if (outline is null)
        {
            return InsightsErrors.RoadmapNotFound(request.RoadmapId.ToString());
        }

        var now = clock.UtcNow;
        var followers = (await learners.ListFollowersAsync(outline.Id, cancellationToken)).ToHashSet();
        var completions = (await stats.ListAsync(new StatsCompletionsOfRoadmapSpec(outline.Id), cancellationToken))
            .Where(c => followers.Contains(c.LearnerId))
            .Select(c => new LearnerCompletion(c.PercentComplete, c.Sections.ToDictionary(s => s.Section, s => s.PercentComplete)))
            .ToList();
        var active = await learners.CountFollowersActiveSinceAsync(outline.Id, now - RoadmapInsights.ActiveWindow, cancellationToken);
        var skipped = await learners.CountFollowersByTopicAsync(outline.Id, ProgressStatus.Skipped, cancellationToken);
        var daysToDone = await DaysToDone(outline.Id, cancellationToken);

        var source = new InsightsSource(
            outline.Version,
            [.. outline.Sections.Select(s => new StatsSection(s.Slug, s.Title))],
            [.. outline.Topics.Select(t => new InsightsTopic(t.Id, t.Slug))],
            followers.Count,
            active,
            completions,
            skipped,
            daysToDone);
        if (row is null)
        {
            insights.Add(RoadmapInsights.Calculate(outline.Id, source, now));
        }
        else
        {
            row.Recalculate(source, now);
        }

        return Result.Success();
    }

    /// <summary>Each topic's days to Done, one value per learner who has one; the stream brings each learner's changes together.</summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<double>>> DaysToDone(Guid roadmapId, CancellationToken cancellationToken)
    {
        var byTopic = new Dictionary<Guid, List<double>>();
        var learner = Guid.Empty;
        var changes = new List<StatsEvent>();

        void Flush()
        {
            foreach (var (topic, days) in RoadmapInsights.DaysToDone(changes))
            {
                (byTopic.TryGetValue(topic, out var list) ? list : byTopic[topic] = []).Add(days);
            }

            changes.Clear();
        }

        await foreach (var change in learners.ReadFollowersActivityAsync(roadmapId, cancellationToken))
        {
            if (change.LearnerId != learner)
            {
                Flush();
                learner = change.LearnerId;
            }

            changes.Add(new StatsEvent(change.TopicId, change.From, change.To, change.OccurredAt));
        }

        Flush();
        return byTopic.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value);
    }
}
