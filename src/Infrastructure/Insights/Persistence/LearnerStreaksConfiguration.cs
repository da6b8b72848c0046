using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Insights;

namespace Roadmap.Infrastructure.Insights.Persistence;

internal sealed class LearnerStreaksConfiguration : IEntityTypeConfiguration<LearnerStreaks>
{
    public void Configure(EntityTypeBuilder<LearnerStreaks> builder)
    {
        builder.ToTable("learner_streaks");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();

        // One per learner: two first recalculations at once cannot both add one (the loser retries and updates it).
        builder.HasIndex(s => s.LearnerId).IsUnique();
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DomainEvents);
    }
}
