using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Common.Serialization;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>
/// Base of API test classes: one host (and database) shared by the class. Each test class is declared
/// once per provider: <c>class XTests_Sqlite : XTests&lt;SqliteApiFactory&gt;</c> and <c>_Postgres</c>.
/// </summary>
public abstract class ApiTestBase<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : RoadmapApiFactory
{
    protected TFactory Factory { get; } = factory;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

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
}
