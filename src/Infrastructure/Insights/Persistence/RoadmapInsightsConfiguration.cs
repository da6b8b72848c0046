using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class RoadmapInsightsConfiguration : IEntityTypeConfiguration<RoadmapInsights>
{
    public void Configure(EntityTypeBuilder<RoadmapInsights> builder)
    {
        builder.ToTable("roadmap_insights");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.RoadmapId).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.DomainEvents);

        // Rebuilt whole by every calculation and only ever read whole: kept as JSON text on every provider.
        builder.Property(i => i.CompletionBuckets).AsJson();
        builder.Property(i => i.Sections).AsJson();
        builder.Property(i => i.MostSkipped).AsJson();
        builder.Property(i => i.MedianDaysToDone).AsJson();
    }
}
