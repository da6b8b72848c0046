using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Identity;

namespace Roadmap.Infrastructure.Identity.Persistence;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("refresh_token_families");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);

        // A rotation's update of the family only applies while the family is not revoked, so a rotation racing
        // a revocation either happens before it (and its new token dies with the family) or fails.
        builder.Property(f => f.RevokedAt).IsConcurrencyToken();
        builder.Ignore(f => f.DomainEvents);
    }
}
