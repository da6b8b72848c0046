using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Catalog;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Catalog.Persistence;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ToTable("topics");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(CatalogLimits.SlugMaxLength);
        builder.HasIndex(t => new { t.RoadmapId, t.Slug }).IsUnique();
        builder.Property(t => t.Title).HasCharacterLimit(CatalogLimits.TitleMaxLength);
        builder.Property(t => t.Summary).HasCharacterLimit(CatalogLimits.TopicSummaryMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Difficulty).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.FormerSlugs);
        builder.HasOne<Section>().WithMany().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Restrict);

        // Resources are values read and written with their topic: one JSON column.
        builder.OwnsMany(t => t.Resources, resource =>
        {
            resource.ToJson("Resources");
            resource.Property(r => r.Type).HasConversion<string>();
        });
        builder.Navigation(t => t.Resources).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Prerequisites are edges between topics: a table, so the graph can be queried in SQL.
        builder.OwnsMany(t => t.Prerequisites, edge =>
        {
            edge.ToTable("topic_prerequisites");
            edge.WithOwner().HasForeignKey("TopicId");
            edge.HasKey("TopicId", nameof(TopicPrerequisite.PrerequisiteId));
            edge.HasOne<Topic>().WithMany().HasForeignKey(p => p.PrerequisiteId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(t => t.Prerequisites).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
