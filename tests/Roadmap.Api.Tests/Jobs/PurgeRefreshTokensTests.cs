using System.Net.Http.Json;
using FluentAssertions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>The first recurring job: refresh tokens dead for more than 30 days are deleted daily; the rest stay.</summary>
public abstract class PurgeRefreshTokensTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    private const string JobId = "identity.purge-refresh-tokens";

    [Fact]
    public async Task Tokens_dead_for_more_than_30_days_are_purged_and_the_rest_kept()
    {
        using var user = await SignIn();
        var now = DateTimeOffset.UtcNow;
        var lifetime = TimeSpan.FromDays(14);

        // Expired 46 days ago, in a family of its own: both go.
        var (longExpiredFamily, longExpired) = await Add(user.UserId, issuedAt: now.AddDays(-60), lifetime);

        // Expired 20 days ago: kept (within the retention).
        var (_, recentlyExpired) = await Add(user.UserId, issuedAt: now.AddDays(-34), lifetime);

        // Still valid, but its family was revoked 40 days ago: it goes, with its family.
        var (longRevokedFamily, inLongRevoked) = await Add(user.UserId, issuedAt: now.AddDays(-41), TimeSpan.FromDays(60), revokedAt: now.AddDays(-40));

        // Revoked 10 days ago: kept.
        var (recentlyRevokedFamily, inRecentlyRevoked) = await Add(user.UserId, issuedAt: now.AddDays(-11), lifetime, revokedAt: now.AddDays(-10));

        // A family with one long-expired token and its live successor: only the old token goes.
        var (rotatedFamily, rotatedAway) = await Add(user.UserId, issuedAt: now.AddDays(-50), lifetime);
        var successor = await AddTo(rotatedFamily, user.UserId, issuedAt: now.AddDays(-1), lifetime);

        var result = await Send(new PurgeRefreshTokensCommand());

        result.IsSuccess.Should().BeTrue();
        result.Value.Cutoff.Should().BeCloseTo(now.AddDays(-30), TimeSpan.FromMinutes(1));
        result.Value.Tokens.Should().BeGreaterThanOrEqualTo(3);
        result.Value.Families.Should().BeGreaterThanOrEqualTo(2);
        var (tokens, families) = await Remaining(user.UserId);
        tokens.Should().NotContain([longExpired, inLongRevoked, rotatedAway]);
        tokens.Should().Contain([recentlyExpired, inRecentlyRevoked, successor]);
        tokens.Should().HaveCount(4, "the sign-in's own token stays too");
        families.Should().NotContain([longExpiredFamily, longRevokedFamily]);
        families.Should().Contain([recentlyRevokedFamily, rotatedFamily]);

        // The token of the sign-in itself still works.
        using var anonymous = Client();
        var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        refreshed.IsSuccessStatusCode.Should().BeTrue();

        // Idempotent: nothing of this user is left to purge.
        var again = await Send(new PurgeRefreshTokensCommand());
        again.IsSuccess.Should().BeTrue();
        (await Remaining(user.UserId)).Tokens.Should().HaveCount(tokens.Count + 1);
    }

    [Fact]
    public async Task The_purge_is_registered_as_a_daily_recurring_job()
    {
        Client().Dispose();
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == JobId);

        job.Should().NotBeNull();
        job!.Cron.Should().Be(Cron.Daily());
        job.Job.Type.Name.Should().Be("PurgeRefreshTokensJob");
        job.TimeZoneId.Should().BeOneOf("UTC", "Etc/UTC");
    }

    [Fact]
    public async Task Triggering_the_recurring_job_purges_through_the_job_server()
    {
        using var user = await SignIn();
        var (family, old) = await Add(user.UserId, issuedAt: DateTimeOffset.UtcNow.AddDays(-90), TimeSpan.FromDays(14));

        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(JobId);
        var remaining = await Eventually.Until(() => Remaining(user.UserId), r => !r.Tokens.Contains(old), Ct);

        remaining.Tokens.Should().NotContain(old);
        remaining.Families.Should().NotContain(family);
    }

    private async Task<(Guid Family, Guid Token)> Add(Guid userId, DateTimeOffset issuedAt, TimeSpan lifetime, DateTimeOffset? revokedAt = null)
    {
        Client().Dispose();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        var family = RefreshTokenFamily.Start(userId, issuedAt);
        var token = RefreshToken.Issue(family, Guid.NewGuid().ToString("N"), issuedAt, lifetime);
        db.AddRange(family, token);
        await db.SaveChangesAsync(Ct);
        if (revokedAt is { } at)
        {
            await db.Set<RefreshTokenFamily>().Where(f => f.Id == family.Id).ExecuteUpdateAsync(f => f.SetProperty(x => x.RevokedAt, at), Ct);
        }

        return (family.Id, token.Id);
    }

    private async Task<Guid> AddTo(Guid familyId, Guid userId, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        var family = await db.Set<RefreshTokenFamily>().SingleAsync(f => f.Id == familyId, Ct);
        family.UserId.Should().Be(userId);
        var token = RefreshToken.Issue(family, Guid.NewGuid().ToString("N"), issuedAt, lifetime);
        db.Add(token);
        await db.SaveChangesAsync(Ct);
        return token.Id;
    }

    private async Task<(List<Guid> Tokens, List<Guid> Families)> Remaining(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        return (
            await db.Set<RefreshToken>().Where(t => t.UserId == userId).Select(t => t.Id).ToListAsync(Ct),
            await db.Set<RefreshTokenFamily>().Where(f => f.UserId == userId).Select(f => f.Id).ToListAsync(Ct));
    }
}

public sealed class PurgeRefreshTokensTests_Sqlite(SqliteApiFactory factory) : PurgeRefreshTokensTests<SqliteApiFactory>(factory);

public sealed class PurgeRefreshTokensTests_Postgres(PostgresApiFactory factory) : PurgeRefreshTokensTests<PostgresApiFactory>(factory);
