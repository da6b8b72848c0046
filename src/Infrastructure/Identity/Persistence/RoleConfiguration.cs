using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Identity.Persistence;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder)
    {
        builder.ToTable("roles");

        // The three roles exist in every database, from the first migration on; fixed ids keep migrations stable.
        builder.HasData(
            Role("0199a000-0000-7000-8000-000000000001", Roles.Learner),
            Role("0199a000-0000-7000-8000-000000000002", Roles.Author),
            Role("0199a000-0000-7000-8000-000000000003", Roles.Admin));
    }

    private static IdentityRole<Guid> Role(string id, string name) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
