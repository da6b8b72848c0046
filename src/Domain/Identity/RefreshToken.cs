using Roadmap.Domain.Common;

namespace Roadmap.Domain.Identity;

/// <summary>
/// A refresh token, stored only as a hash. Tokens descending from one login form a family: each is used once
/// and replaced by the next; presenting a used or revoked token means it was stolen, and revokes the family.
/// </summary>
public sealed class RefreshToken : AggregateRoot
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    private RefreshToken(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid UserId { get; private set; }

    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for its successor.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The first token of a new family (a login).</summary>
    public static RefreshToken Issue(Guid userId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) =>
        new(userId, Guid.CreateVersion7(), tokenHash, now, lifetime);

    /// <summary>Whether this token may be exchanged now.</summary>
    public bool IsActive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Uses this token up and returns its successor in the same family.</summary>
    public RefreshToken Rotate(string successorHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!IsActive(now))
        {
            throw new InvalidOperationException("Only an active refresh token can be rotated.");
        }

        UsedAt = now;
        return new RefreshToken(UserId, FamilyId, successorHash, now, lifetime);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
