using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Accounts.RegisterUser;
using Roadmap.Application.Identity.Accounts.SetUserRoles;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Learning.Enrollments.FollowRoadmap;
using Roadmap.Application.Learning.Progress.UpdateTopicProgress;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Api.Tests.Platform;

/// <summary>One transaction per command: what a failing command wrote is gone, in every module; role changes take turns.</summary>
public abstract class TransactionTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Catalog_a_command_that_fails_after_writing_leaves_nothing_written()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());

        var failed = await SendThrough(new FailAfterCommand(new ImportRoadmapCommand(document, Publish: true)));

        failed.Error!.Code.Should().Be(FailAfterHandler.FailureCode);
        (await Send(new ExportRoadmapQuery(document.Slug))).Error!.Type.Should().Be(ErrorType.NotFound);
    }

    [Fact]
    public async Task Identity_a_command_that_fails_after_writing_leaves_nothing_written()
    {
        var email = $"rolled-back-{Guid.NewGuid():N}@example.org";

        var failed = await SendThrough(new FailAfterCommand(new RegisterUserCommand(email, "a long enough password", "Rolled back", null)));

        failed.Error!.Code.Should().Be(FailAfterHandler.FailureCode);
        using var client = Client();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "a long enough password" }, Ct);
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "a long enough password", displayName = "Again" }, Ct);
        register.StatusCode.Should().Be(HttpStatusCode.Created, "the email was never taken");
    }

    [Fact]
    public async Task Learning_a_command_that_fails_after_writing_leaves_nothing_written()
    {
        using var learner = await SignIn();

        var failed = await SendThrough(new FailAfterCommand(new FollowRoadmapCommand("backend-developer")), caller: learner.UserId);

        failed.Error!.Code.Should().Be(FailAfterHandler.FailureCode);
        var enrollments = await ReadJson(await learner.Client.GetAsync("/api/me/enrollments", Ct));
        enrollments.GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Insights_a_progress_change_that_fails_leaves_no_stats_mark_and_no_progress()
    {
        using var learner = await SignIn();

        var failed = await SendThrough(
            new FailAfterCommand(new UpdateTopicProgressCommand("backend-developer", "redis", ProgressStatus.Done)), caller: learner.UserId);

        failed.Error!.Code.Should().Be(FailAfterHandler.FailureCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Roadmap.Infrastructure.Common.Persistence.RoadmapDbContext>();
        db.Set<StatsMark>().Count(m => m.LearnerId == learner.UserId).Should().Be(0, "the mark is written in the change's transaction");
        db.Set<ProgressEvent>().Count(e => e.LearnerId == learner.UserId).Should().Be(0);
    }

    [Fact]
    public async Task A_command_that_throws_after_writing_leaves_nothing_written()
    {
        Client().Dispose(); // skips here without this provider, not inside the assertion below
        var document = TestDocuments.Small(TestDocuments.NewSlug());

        var send = () => SendThrough(new FailAfterCommand(new ImportRoadmapCommand(document), Throw: true));

        await send.Should().ThrowAsync<InvalidOperationException>();
        (await Send(new ExportRoadmapQuery(document.Slug))).Error!.Type.Should().Be(ErrorType.NotFound);
    }

    [Fact]
    public async Task Two_Admins_removing_each_other_at_the_same_moment_always_leave_an_Admin()
    {
        for (var round = 0; round < 20; round++)
        {
            using var a = await SignIn(Roles.Admin);
            using var b = await SignIn(Roles.Admin);
            await LeaveOnlyTheseAdmins(a.UserId, b.UserId);

            var demotions = await Task.WhenAll(
                a.Client.PutAsJsonAsync($"/api/admin/users/{b.UserId}/roles", new { roles = Array.Empty<string>() }, Ct),
                b.Client.PutAsJsonAsync($"/api/admin/users/{a.UserId}/roles", new { roles = Array.Empty<string>() }, Ct));

            (await AdminCount()).Should().Be(1, "round {0}: {1}", round, string.Join(", ", demotions.Select(d => d.StatusCode)));
            demotions.Select(d => d.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.OK);
            demotions.Select(d => d.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict || s == HttpStatusCode.Forbidden);
        }
    }

    private async Task LeaveOnlyTheseAdmins(params Guid[] keep)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Roadmap.Infrastructure.Common.Persistence.RoadmapDbContext>();
        var others = db.UserRoles.Where(ur => !keep.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .Select(ur => ur.UserId).ToList();
        foreach (var other in others)
        {
            (await Send(new SetUserRolesCommand(other, []))).IsSuccess.Should().BeTrue();
        }
    }

    private async Task<int> AdminCount()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CountInRoleAsync(Roles.Admin, Ct);
    }

    /// <summary>Sends through a host that also knows the tests' own command, as <paramref name="caller"/> or as the system.</summary>
    private async Task<Result> SendThrough(FailAfterCommand command, Guid? caller = null)
    {
        Client().Dispose();
        await using var host = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddScoped<IRequestHandler<FailAfterCommand, Result>, FailAfterHandler>();
            if (caller is { } id)
            {
                s.AddScoped<ICurrentUser>(_ => new SignedInLearner(id));
            }
        }));
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, Ct);
    }
}

/// <summary>A signed-in learner, for commands sent without HTTP.</summary>
internal sealed record SignedInLearner(Guid Id) : ICurrentUser
{
    Guid? ICurrentUser.Id => Id;

    public bool IsSystem => false;

    public bool IsInRole(string role) => role == Roles.Learner;
}

/// <summary>Sends <paramref name="First"/> (which writes), then fails: with a failure result, or by throwing.</summary>
public sealed record FailAfterCommand(IBaseRequest First, bool Throw = false) : ICommand<Result>;

internal sealed class FailAfterHandler(IMediator mediator) : IRequestHandler<FailAfterCommand, Result>
{
    public const string FailureCode = "test.failed_after_writing";

    public async Task<Result> Handle(FailAfterCommand request, CancellationToken cancellationToken)
    {
        var first = (IResult)(await mediator.Send((dynamic)request.First, cancellationToken));
        first.IsSuccess.Should().BeTrue("the first command writes");
        return request.Throw
            ? throw new InvalidOperationException("A bug after writing.")
            : Error.Conflict(FailureCode, "Failed after writing.");
    }
}

public sealed class TransactionTests_Sqlite(SqliteApiFactory factory) : TransactionTests<SqliteApiFactory>(factory);

public sealed class TransactionTests_Postgres(PostgresApiFactory factory) : TransactionTests<PostgresApiFactory>(factory);
