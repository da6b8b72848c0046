using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class LearnerRoadmapStatsConfiguration : IEntityTypeConfiguration<LearnerRoadmapStats>
{
    public void Configure(EntityTypeBuilder<LearnerRoadmapStats> builder)
    {
        builder.ToTable("learner_roadmap_stats");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.LearnerId, s.RoadmapId }).IsUnique();

        // The leaderboards' orders (every key descending, so read backwards): by completion, and by streak from a recent last active date.
        builder.HasIndex(s => new { s.RoadmapId, s.PercentComplete, s.Done, s.LearnerId });
        builder.HasIndex(s => new { s.RoadmapId, s.LastActiveDate });
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.NotStarted);
        builder.Ignore(s => s.DomainEvents);

        // Rebuilt whole by every recalculation and never queried into: kept as JSON text on every provider.
        builder.Property(s => s.Sections).AsJson();
        builder.Property(s => s.RecentDays).AsJson();
    }
}
