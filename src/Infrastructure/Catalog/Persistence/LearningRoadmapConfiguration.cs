using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Catalog;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Catalog.Persistence;

internal sealed class LearningRoadmapConfiguration : IEntityTypeConfiguration<LearningRoadmap>
{
    public void Configure(EntityTypeBuilder<LearningRoadmap> builder)
    {
        builder.ToTable("roadmaps");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Slug).HasMaxLength(CatalogLimits.SlugMaxLength);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Title).HasCharacterLimit(CatalogLimits.TitleMaxLength);
        builder.Property(r => r.Description).HasCharacterLimit(CatalogLimits.RoadmapDescriptionMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.Status, r.Title });

        // Two authors importing at once: the second save fails instead of overwriting the first.
        builder.Property(r => r.Revision).IsConcurrencyToken();

        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Topics).WithOne().HasForeignKey(t => t.RoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Topics).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.DomainEvents);
    }
}
