using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning.Persistence;

internal sealed class TopicProgressConfiguration : IEntityTypeConfiguration<TopicProgress>
{
    public void Configure(EntityTypeBuilder<TopicProgress> builder)
    {
        builder.ToTable("topic_progress");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();

        // By the topic's stable id, so progress survives renames; one row per learner and topic.
        builder.HasIndex(p => new { p.LearnerId, p.TopicId }).IsUnique();
        builder.HasIndex(p => new { p.LearnerId, p.RoadmapId });
        builder.HasIndex(p => new { p.RoadmapId, p.Status }); // a roadmap's topics counted by status (author insights)
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Note).HasCharacterLimit(LearningLimits.NoteMaxLength);

        // Of two writers that read the same version, only the first saves: the second runs again, never overwrites.
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DomainEvents);
    }
}
