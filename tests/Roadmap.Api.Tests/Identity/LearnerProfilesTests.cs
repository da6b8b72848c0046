using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Common.Ports;

namespace Roadmap.Api.Tests.Identity;

/// <summary>The port other modules read learners' profiles through, on the accounts the Identity module keeps.</summary>
public abstract class LearnerProfilesTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Profiles_of_many_learners_are_read_at_once_and_unknown_ids_are_left_out()
    {
        using var ann = await SignIn();
        using var bob = await SignIn();
        (await ann.Client.PatchAsJsonAsync("/api/me", new { displayName = "Ann", timeZone = "Europe/Berlin", showOnLeaderboard = true }, Json, Ct))
            .EnsureSuccessStatusCode();

        // More ids than one query takes, a repeated one among them.
        var ids = Enumerable.Range(0, 600).Select(_ => Guid.NewGuid()).Append(ann.UserId).Append(bob.UserId).Append(ann.UserId).ToList();
        await using var scope = Factory.Services.CreateAsyncScope();
        var profiles = await scope.ServiceProvider.GetRequiredService<ILearnerProfiles>().FindAsync(ids, Ct);

        profiles.Should().BeEquivalentTo(new Dictionary<Guid, LearnerProfile>
        {
            [ann.UserId] = new(ann.UserId, "Ann", "Europe/Berlin", ShowOnLeaderboard: true),
            [bob.UserId] = new(bob.UserId, "Learner", "UTC", ShowOnLeaderboard: false),
        });
    }

    [Fact]
    public async Task No_ids_find_no_profiles()
    {
        Client().Dispose();
        await using var scope = Factory.Services.CreateAsyncScope();

        (await scope.ServiceProvider.GetRequiredService<ILearnerProfiles>().FindAsync([], Ct)).Should().BeEmpty();
    }
}

public sealed class LearnerProfilesTests_Sqlite(SqliteApiFactory factory) : LearnerProfilesTests<SqliteApiFactory>(factory);

public sealed class LearnerProfilesTests_Postgres(PostgresApiFactory factory) : LearnerProfilesTests<PostgresApiFactory>(factory);
