using Roadmap.Domain.Common;

namespace Roadmap.Domain.Identity;

/// <summary>
/// The refresh tokens descending from one sign-in. Revoking the family ends them all, including any issued by
/// a rotation racing the revocation: a rotation also updates the family row, and that update is refused once
/// the family is revoked (its <see cref="RevokedAt"/> is the concurrency token), so the rotation fails as a conflict.
/// </summary>
public sealed class RefreshTokenFamily : AggregateRoot
{
    private RefreshTokenFamily()
    {
    }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastRotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static RefreshTokenFamily Start(Guid userId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now, LastRotatedAt = now };

    /// <summary>Touches the family row, so a rotation conflicts with a revocation saved meanwhile.</summary>
    internal void MarkRotated(DateTimeOffset now) => LastRotatedAt = now > LastRotatedAt ? now : LastRotatedAt.AddTicks(1);
}

/// <summary>
/// A refresh token, stored only as a hash. Each is used once and replaced by its successor in the same family;
/// presenting a used one means a copy was stolen, and the family is revoked.
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

    public bool IsUsed => UsedAt is not null;

    /// <summary>The first token of a family (a sign-in).</summary>
    public static RefreshToken Issue(RefreshTokenFamily family, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(family);
        return new RefreshToken(family.UserId, family.Id, tokenHash, now, lifetime);
    }

    /// <summary>Whether this token may be exchanged now (its family not revoked, it not used, not expired).</summary>
    public bool IsActive(RefreshTokenFamily family, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.Id == FamilyId && !family.IsRevoked && !IsUsed && now < ExpiresAt;
    }

    /// <summary>Uses this token up and returns its successor in the same family.</summary>
    public RefreshToken Rotate(RefreshTokenFamily family, string successorHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!IsActive(family, now))
        {
            throw new InvalidOperationException("Only an active refresh token can be rotated.");
        }

        UsedAt = now;
        family.MarkRotated(now);
        return new RefreshToken(UserId, FamilyId, successorHash, now, lifetime);
    }
}
