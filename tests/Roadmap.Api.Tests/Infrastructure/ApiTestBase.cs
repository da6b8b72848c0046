using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Common.Serialization;
using Roadmap.Application.Identity.Accounts.CreateAdmin;
using Roadmap.Application.Identity.Accounts.SetUserRoles;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

using FluentAssertions;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>A signed-in account and a client that sends its access token.</summary>
public sealed record SignedIn(Guid UserId, string Email, string Password, TokenPairDto Tokens, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Base of API test classes: one host (and database) shared by the class. Each test class is declared
/// once per provider: <c>class XTests_Sqlite : XTests&lt;SqliteApiFactory&gt;</c> and <c>_Postgres</c>.
/// </summary>
public abstract class ApiTestBase<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : RoadmapApiFactory
{
    protected TFactory Factory { get; } = factory;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected const string ProblemJson = "application/problem+json";

    protected static JsonSerializerOptions Json => JsonDefaults.Options;

    /// <summary>A client of the service; skips the test when this provider is not available here.</summary>
    protected HttpClient Client()
    {
        Assert.SkipWhen(Factory.Unavailable is not null, Factory.Unavailable ?? string.Empty);
        return Factory.CreateClient();
    }

    /// <summary>Sends a request through the application layer, in its own scope, as a job or command would.</summary>
    protected async Task<TResponse> Send<TResponse>(IRequest<TResponse> request)
    {
        Client().Dispose();
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, Ct);
    }

    /// <summary>
    /// Registers a new account with the given role (Learner, Author or Admin), signs it in through the API and
    /// returns a client that sends its access token.
    /// </summary>
    protected async Task<SignedIn> SignIn(string role = Roles.Learner)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough password";
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = role }, Ct);
        registered.EnsureSuccessStatusCode();
        var user = await Read<UserProfileDto>(registered);
        if (role == Roles.Admin)
        {
            (await Send(new CreateAdminCommand(email, password))).IsSuccess.Should().BeTrue();
        }
        else if (role != Roles.Learner)
        {
            (await Send(new SetUserRolesCommand(user.Id, [role]))).IsSuccess.Should().BeTrue();
        }

        var tokens = await Read<TokenPairDto>((await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct)).EnsureSuccessStatusCode());
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new SignedIn(user.Id, email, password, tokens, client);
    }

    protected static async Task<T> Read<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    protected static async Task<JsonElement> ReadJson(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Asserts a problem-details answer with this status (and, when given, its <c>code</c> and an <c>errors</c> key).</summary>
    protected static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string? code = null, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        var problem = await ReadJson(response);
        if (code is not null)
        {
            problem.GetProperty("code").GetString().Should().Be(code);
        }

        if (field is not null)
        {
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
        }
    }
}
