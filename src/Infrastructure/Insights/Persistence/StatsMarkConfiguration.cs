using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class StatsMarkConfiguration : IEntityTypeConfiguration<StatsMark>
{
    public void Configure(EntityTypeBuilder<StatsMark> builder)
    {
        builder.ToTable("stats_marks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.MarkedAt);
        builder.Ignore(m => m.DomainEvents);
    }
}
