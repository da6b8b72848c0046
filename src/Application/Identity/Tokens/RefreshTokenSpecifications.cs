using Ardalis.Specification;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens;

internal sealed class RefreshTokenByHashSpec : Specification<RefreshToken>
{
    public RefreshTokenByHashSpec(string token)
    {
        var hash = RefreshTokenSecrets.Hash(token);
        Query.Where(t => t.TokenHash == hash);
    }
}

internal sealed class RefreshTokenFamilyByIdSpec : Specification<RefreshTokenFamily>
{
    public RefreshTokenFamilyByIdSpec(Guid familyId) => Query.Where(f => f.Id == familyId);
}
