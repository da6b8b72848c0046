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
        // Of two requests following again (or leaving) at once, only the first saves; the second runs again from what
        // it left (IRetryOnConflict) and finds it done. The last activity is no token: progress writes move it forward
        // in SQL (IEnrollmentActivity), so a learner's writes racing each other do not conflict over this row.
        builder.Property(e => e.EnrolledAt).IsConcurrencyToken();
        builder.Property(e => e.LeftAt).IsConcurrencyToken();
        builder.Ignore(e => e.IsActive);
        builder.Ignore(e => e.DomainEvents);
    }
}
