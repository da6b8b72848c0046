using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Text.Json.Serialization;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class LearnerRoadmapStatsConfiguration : IEntityTypeConfiguration<LearnerRoadmapStats>
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<LearnerRoadmapStats> builder)
    {
        builder.ToTable("learner_roadmap_stats");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.LearnerId, s.RoadmapId }).IsUnique();
        builder.HasIndex(s => s.RoadmapId);

        // The leaderboards' orders (every key descending, so read backwards): by completion, and by streak from a recent last active date.
        builder.HasIndex(s => new { s.RoadmapId, s.PercentComplete, s.Done, s.LearnerId });
        builder.HasIndex(s => new { s.RoadmapId, s.LastActiveDate });
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Ignore(s => s.NotStarted);
        builder.Ignore(s => s.DomainEvents);

        // Rebuilt whole by every recalculation and never queried into: kept as JSON text on every provider.
        Json(builder.Property(s => s.Sections));
        Json(builder.Property(s => s.RecentDays));
    }

    private static void Json<T>(PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Stored),
            text => JsonSerializer.Deserialize<List<T>>(text, Stored) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => a != null && b != null && a.SequenceEqual(b),
                value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                value => value.ToList()));
}
