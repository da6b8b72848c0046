using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Identity;

/// <summary>
/// Signed-in requests take the account's state from this node's cache: a change made through the service applies at
/// once, one made around it (as another node's would be) once the entry expires.
/// </summary>
public abstract class AccountCacheTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    private const string Drafts = "/api/roadmaps?status=Draft";

    [Fact]
    public async Task A_granted_role_works_at_once_with_the_token_already_held()
    {
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();
        (await learner.Client.GetAsync(Drafts, Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await admin.Client.PutAsJsonAsync($"/api/admin/users/{learner.UserId}/roles", new { roles = new[] { Roles.Author } }, Ct)).EnsureSuccessStatusCode();
        var after = await learner.Client.GetAsync(Drafts, Ct);

        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_removed_through_a_command_is_refused_on_the_next_request()
    {
        using var author = await SignIn(Roles.Author);
        (await author.Client.GetAsync(Drafts, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Send(new Application.Identity.Accounts.SetUserRoles.SetUserRolesCommand(author.UserId, []))).IsSuccess.Should().BeTrue();
        var after = await author.Client.GetAsync(Drafts, Ct);

        after.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_while_a_role_change_is_uncommitted_does_not_keep_the_old_roles_past_the_commit()
    {
        using var author = await SignIn(Roles.Author);
        await using var scope = Factory.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using (await unitOfWork.BeginTransactionAsync(Ct))
        {
            (await scope.ServiceProvider.GetRequiredService<IUserAccounts>().SetRolesAsync(author.UserId, [Roles.Learner], Ct)).IsSuccess.Should().BeTrue();

            // Saved, not committed: the caller is still an Author, and its state is read and cached as such.
            (await author.Client.GetAsync(Drafts, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
            await unitOfWork.CommitAsync(Ct);
        }

        var after = await author.Client.GetAsync(Drafts, Ct);

        after.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_removed_around_the_service_still_works_until_the_cached_state_expires()
    {
        using var author = await SignIn(Roles.Author);
        (await author.Client.GetAsync(Drafts, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        await AroundTheService.RemoveRole(Factory, author.UserId, Roles.Author, Ct);
        var after = await author.Client.GetAsync(Drafts, Ct);

        after.StatusCode.Should().Be(HttpStatusCode.OK, "the state read a moment ago is kept for Auth:AccountCacheSeconds (10 s by default)");
    }
}

public sealed class AccountCacheTests_Sqlite(SqliteApiFactory factory) : AccountCacheTests<SqliteApiFactory>(factory);

public sealed class AccountCacheTests_Postgres(PostgresApiFactory factory) : AccountCacheTests<PostgresApiFactory>(factory);

/// <summary>With a short cache lifetime, a change made around the service is seen once the entry expires.</summary>
public abstract class AccountCacheLifetimeTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    public const int CacheSeconds = 2;

    [Fact]
    public async Task A_role_removed_around_the_service_stops_working_within_the_cache_lifetime()
    {
        using var author = await SignIn(Roles.Author);
        (await author.Client.GetAsync("/api/roadmaps?status=Draft", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        await AroundTheService.RemoveRole(Factory, author.UserId, Roles.Author, Ct);
        var status = await Eventually.Until(
            async () => (await author.Client.GetAsync("/api/roadmaps?status=Draft", Ct)).StatusCode,
            s => s == HttpStatusCode.Forbidden,
            Ct,
            TimeSpan.FromSeconds(CacheSeconds + 10));

        status.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class AccountCacheLifetimeTests_Sqlite(ShortAccountCacheSqliteFactory factory)
    : AccountCacheLifetimeTests<ShortAccountCacheSqliteFactory>(factory);

public sealed class AccountCacheLifetimeTests_Postgres(ShortAccountCachePostgresFactory factory)
    : AccountCacheLifetimeTests<ShortAccountCachePostgresFactory>(factory);

public sealed class ShortAccountCacheSqliteFactory : SqliteApiFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Set("Auth:AccountCacheSeconds", AccountCacheLifetimeTests<ShortAccountCacheSqliteFactory>.CacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ShortAccountCachePostgresFactory : PostgresApiFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Set("Auth:AccountCacheSeconds", AccountCacheLifetimeTests<ShortAccountCachePostgresFactory>.CacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Writes the change tracker does not see, as this node's cache does not see another node's changes.</summary>
internal static class AroundTheService
{
    public static async Task RemoveRole(RoadmapApiFactory factory, Guid userId, string role, CancellationToken cancellationToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
        (await db.UserRoles.Where(ur => ur.UserId == userId && ur.RoleId == roleId).ExecuteDeleteAsync(cancellationToken)).Should().Be(1);
    }
}
