using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Learning;

namespace Roadmap.Infrastructure.Learning.Persistence;

internal sealed class ProgressEventConfiguration : IEntityTypeConfiguration<ProgressEvent>
{
    public void Configure(EntityTypeBuilder<ProgressEvent> builder)
    {
        builder.ToTable("progress_events");

        // The database numbers events (SQLite AUTOINCREMENT, PostgreSQL and SQL Server identity): ids only grow.
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedOnAdd();

        // A learner's events, roadmap by roadmap, in order, covering every column stats read: PostgreSQL and SQL Server
        // answer a recalculation from the index alone, without visiting the table, where a learner's events are spread
        // over the pages of everyone's (they are stored in the order they happen).
        var byLearner = builder.HasIndex(e => new { e.LearnerId, e.RoadmapId, e.EventId });
        NpgsqlIndexBuilderExtensions.IncludeProperties(byLearner, e => new { e.TopicId, e.From, e.To, e.OccurredAt });
        SqlServerIndexBuilderExtensions.IncludeProperties(byLearner, e => new { e.TopicId, e.From, e.To, e.OccurredAt });

        // A roadmap's events of all its learners, each learner's in order (author insights read them so).
        builder.HasIndex(e => new { e.RoadmapId, e.LearnerId, e.EventId });
        builder.Property(e => e.TopicSlug).HasMaxLength(LearningLimits.TopicSlugMaxLength);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
    }
}
