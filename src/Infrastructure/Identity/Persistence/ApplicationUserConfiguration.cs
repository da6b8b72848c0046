using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity.Persistence;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasCharacterLimit(UserProfileRules.DisplayNameMaxLength);

        // Identity's columns for the email (also the user name): an address may be written in any script.
        builder.Property(u => u.Email).HasCharacterLimit(UserProfileRules.EmailMaxLength);
        builder.Property(u => u.NormalizedEmail).HasCharacterLimit(UserProfileRules.EmailMaxLength);
        builder.Property(u => u.UserName).HasCharacterLimit(UserProfileRules.EmailMaxLength);
        builder.Property(u => u.NormalizedUserName).HasCharacterLimit(UserProfileRules.EmailMaxLength);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
    }
}
