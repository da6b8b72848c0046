using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class RoadmapInsightsConfiguration : IEntityTypeConfiguration<RoadmapInsights>
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<RoadmapInsights> builder)
    {
        builder.ToTable("roadmap_insights");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.RoadmapId).IsUnique();
        builder.Ignore(i => i.DomainEvents);

        // Rebuilt whole by every calculation and only ever read whole: kept as JSON text on every provider.
        Json(builder.Property(i => i.CompletionBuckets));
        Json(builder.Property(i => i.Sections));
        Json(builder.Property(i => i.MostSkipped));
        Json(builder.Property(i => i.MedianDaysToDone));
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
