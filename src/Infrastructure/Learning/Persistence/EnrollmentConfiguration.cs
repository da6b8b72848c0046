using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Learning;

namespace Roadmap.Infrastructure.Learning.Persistence;

/// <summary>
/// Learning keeps the ids of learners and roadmaps, not foreign keys to them: their tables are other modules'.
/// </summary>
internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.ToTable("enrollments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();

        // One per learner and roadmap: two requests following at once cannot both add one.
        builder.HasIndex(e => new { e.LearnerId, e.RoadmapId }).IsUnique();
        builder.HasIndex(e => new { e.LearnerId, e.EnrolledAt });
        builder.HasIndex(e => e.RoadmapId); // a roadmap's followers (author insights, marking a roadmap's learners)
        // Of two writers that read the same row, only the first saves; the second runs again from what it left
        // (IRetryOnConflict): a later activity time is never overwritten by an earlier one, and of two requests
        // following again (or leaving) at once, one does it and the other finds it done.
        builder.Property(e => e.EnrolledAt).IsConcurrencyToken();
        builder.Property(e => e.LeftAt).IsConcurrencyToken();
        builder.Property(e => e.LastActivityAt).IsConcurrencyToken();
        builder.Ignore(e => e.IsActive);
        builder.Ignore(e => e.DomainEvents);
    }
}
