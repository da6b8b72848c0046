using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Catalog;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Catalog.Persistence;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Slug).HasMaxLength(CatalogLimits.SlugMaxLength);
        builder.HasIndex(s => new { s.RoadmapId, s.Slug }).IsUnique();
        builder.Property(s => s.Title).HasCharacterLimit(CatalogLimits.TitleMaxLength);
        builder.Property(s => s.Description).HasCharacterLimit(CatalogLimits.SectionDescriptionMaxLength);
    }
}
