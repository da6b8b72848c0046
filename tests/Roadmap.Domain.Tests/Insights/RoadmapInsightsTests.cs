using System.Globalization;
using FluentAssertions;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Domain.Tests.Insights;

public class RoadmapInsightsTests
{
    private static readonly Guid Roadmap = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();
    private static readonly StatsSection[] Sections = [new("basics", "Basics"), new("advanced", "Advanced")];
    private static readonly InsightsTopic[] Topics = [new(A, "a"), new(B, "b"), new(C, "c")];

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static StatsEvent Moved(Guid topic, ProgressStatus from, ProgressStatus to, string instant) => new(topic, from, to, At(instant));

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 10.0 }, 3.0)]
    [InlineData(new[] { 0.5, 0.25 }, 0.375)]
    [InlineData(new double[0], 0.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(double[] values, double median) =>
        RoadmapInsights.Median(values).Should().Be(median);

    [Fact]
    public void Buckets_are_ten_fixed_ranges_listed_empty_or_not_and_100_falls_in_the_last()
    {
        var buckets = RoadmapInsights.Buckets([0, 9.9, 10, 19.9, 50, 89.9, 90, 99.9, 100]);

        buckets.Select(b => (b.From, b.To)).Should().Equal(
            (0, 9.9), (10, 19.9), (20, 29.9), (30, 39.9), (40, 49.9), (50, 59.9), (60, 69.9), (70, 79.9), (80, 89.9), (90, 100));
        buckets.Select(b => b.Learners).Should().Equal(2, 2, 0, 0, 0, 1, 0, 0, 1, 3);
        RoadmapInsights.Buckets([]).Should().HaveCount(10).And.OnlyContain(b => b.Learners == 0);
    }

    [Fact]
    public void Days_to_done_run_from_the_first_InProgress_to_the_first_later_Done_with_their_fraction()
    {
        var days = RoadmapInsights.DaysToDone(
        [
            Moved(A, ProgressStatus.NotStarted, ProgressStatus.InProgress, "2026-03-01T00:00:00Z"),
            Moved(A, ProgressStatus.InProgress, ProgressStatus.InProgress, "2026-03-01T06:00:00Z"), // a note: no change
            Moved(A, ProgressStatus.InProgress, ProgressStatus.NotStarted, "2026-03-01T12:00:00Z"),
            Moved(A, ProgressStatus.NotStarted, ProgressStatus.InProgress, "2026-03-02T00:00:00Z"), // not the first InProgress
            Moved(A, ProgressStatus.InProgress, ProgressStatus.Done, "2026-03-03T12:00:00Z"),
            Moved(A, ProgressStatus.Done, ProgressStatus.InProgress, "2026-03-04T00:00:00Z"),
            Moved(A, ProgressStatus.InProgress, ProgressStatus.Done, "2026-03-10T00:00:00Z"), // a later round does not count
            Moved(B, ProgressStatus.NotStarted, ProgressStatus.Done, "2026-03-01T00:00:00Z"), // Done before any InProgress
            Moved(B, ProgressStatus.Done, ProgressStatus.InProgress, "2026-03-02T00:00:00Z"),
            Moved(B, ProgressStatus.InProgress, ProgressStatus.Done, "2026-03-02T18:00:00Z"),
            Moved(C, ProgressStatus.NotStarted, ProgressStatus.InProgress, "2026-03-01T00:00:00Z"), // never Done
        ]);

        days.Should().BeEquivalentTo(new Dictionary<Guid, double> { [A] = 2.5, [B] = 0.75 });
    }

    [Fact]
    public void Figures_count_every_following_learner_those_without_stats_at_zero()
    {
        var source = new InsightsSource(
            3, Sections, Topics, Enrolled: 4, ActiveLast30Days: 2,
            [
                new(100, new Dictionary<string, double> { ["basics"] = 100, ["advanced"] = 100 }),
                new(50, new Dictionary<string, double> { ["basics"] = 100 }), // a row of an older version without "advanced"
                new(33.3, new Dictionary<string, double> { ["basics"] = 50, ["advanced"] = 0 }),
            ],
            new Dictionary<Guid, int> { [A] = 1, [B] = 3, [C] = 1, [Guid.NewGuid()] = 9 },
            new Dictionary<Guid, IReadOnlyList<double>> { [C] = [1.0, 2.25], [A] = [0.04] });

        var insights = RoadmapInsights.Calculate(Roadmap, source, At("2026-03-10T12:00:00Z"));

        insights.Should().BeEquivalentTo(new
        {
            RoadmapId = Roadmap, RoadmapVersion = 3, Enrolled = 4, ActiveLast30Days = 2,
            AverageCompletion = 45.8, // (100 + 50 + 33.3 + 0) / 4 = 45.825
            CalculatedAt = At("2026-03-10T12:00:00Z"),
        });
        insights.CompletionBuckets.Select(b => b.Learners).Should().Equal(1, 0, 0, 1, 0, 1, 0, 0, 0, 1);
        insights.Sections.Should().Equal(new SectionCompletion("basics", 62.5), new SectionCompletion("advanced", 25));
        insights.MostSkipped.Should().Equal(new TopicLearners("b", 3), new TopicLearners("a", 1), new TopicLearners("c", 1));
        insights.MedianDaysToDone.Should().Equal(new TopicDays("a", 0), new TopicDays("c", 1.6));
    }

    [Fact]
    public void At_most_ten_topics_are_most_skipped()
    {
        var topics = Enumerable.Range(0, 12).Select(i => new InsightsTopic(Guid.NewGuid(), $"t{i}")).ToArray();
        var source = InsightsSource.Empty(1, Sections, topics) with { Skipped = topics.ToDictionary(t => t.Id, t => t.Slug == "t11" ? 5 : 1) };

        var insights = RoadmapInsights.Calculate(Roadmap, source, At("2026-03-10T12:00:00Z"));

        insights.MostSkipped.Select(t => t.Topic).Should().Equal("t11", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
    }

    [Fact]
    public void Before_the_first_calculation_everything_is_zero_and_calculatedAt_is_null()
    {
        var insights = RoadmapInsights.NotYetCalculated(Roadmap, 2, Sections, Topics);

        (insights.Enrolled, insights.ActiveLast30Days, insights.AverageCompletion, insights.CalculatedAt).Should().Be((0, 0, 0.0, (DateTimeOffset?)null));
        insights.CompletionBuckets.Should().HaveCount(10).And.OnlyContain(b => b.Learners == 0);
        insights.Sections.Should().Equal(new SectionCompletion("basics", 0), new SectionCompletion("advanced", 0));
        insights.MostSkipped.Should().BeEmpty();
        insights.MedianDaysToDone.Should().BeEmpty();
    }
}
