using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roadmap.Application.Common.Ports;
using Roadmap.Api.Tests.Infrastructure.Contract;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>
/// The whole service on a real database, one database per test class. Subclasses choose the provider;
/// the same test classes run against each (see <see cref="ApiTestBase{TFactory}"/>).
/// </summary>
public abstract class RoadmapApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The key tokens are signed with in tests, so tests can also forge tokens with it or without it.</summary>
    public const string SigningKey = "test-signing-key-of-at-least-thirty-two-bytes-0123456789";

    public const string Issuer = "roadmap-tests";
    public const string Audience = "roadmap-tests-api";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,

        // Tests sign in often from one address; the rate limit has tests of its own with a low limit.
        ["RateLimiting:Auth:PermitLimit"] = "100000",

        // One worker that looks for work every second: jobs run promptly and each host stops quickly.
        ["Jobs:WorkerCount"] = "1",
        ["Jobs:PollIntervalSeconds"] = "1",
    };

    /// <summary>Why this factory cannot run (no database server configured), or null when it can.</summary>
    public string? Unavailable { get; protected set; }

    /// <summary>Adds a configuration value before the host starts (call from a derived factory's InitializeAsync).</summary>
    public void Set(string key, string? value) => _settings[key] = value;

    public abstract ValueTask InitializeAsync();

    /// <summary>The service's clock: real time unless a test sets it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Responses of this factory's clients that broke the OpenAPI document (each also failed its request).</summary>
    public ContractViolations ContractViolations { get; } = new();

    /// <summary>
    /// A client whose every response is checked against the served OpenAPI document (<see cref="ContractValidatingHandler"/>).
    /// Hides the base method so that tests, fixtures and helpers all get validated clients.
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        // Innermost, next to the server: it sees every answer, redirects included.
        handlers.Add(new ContractValidatingHandler(Contract, ContractViolations));
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    private Task<ContractDocument>? _contract;

    private Task<ContractDocument> Contract(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _contract, async () =>
        {
            using var raw = Server.CreateClient();
            return new ContractDocument(await raw.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), CancellationToken.None));
        });

    public T Service<T>(IServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<IClock>();
            s.AddSingleton<IClock>(Clock);

            // Many hosts stop at once on two loaded cores: their job servers get longer than the default 30 s to finish.
            s.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        });
    }
}

/// <summary>A fresh SQLite file per test class.</summary>
public class SqliteApiFactory : RoadmapApiFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "roadmap-tests", Guid.NewGuid().ToString("N"));

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Set("Database:Provider", "Sqlite");
        Set("ConnectionStrings:Roadmap", $"Data Source={Path.Combine(_folder, "roadmap.db")}");
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A fresh PostgreSQL database per test class, on the server named by <c>ROADMAP_TEST_POSTGRES</c>. Without it
/// the tests are reported skipped, unless <c>ROADMAP_TEST_POSTGRES_REQUIRED</c> is set (as in CI): then they fail.
/// </summary>
public class PostgresApiFactory : RoadmapApiFactory
{
    public const string ServerVariable = "ROADMAP_TEST_POSTGRES";
    public const string RequiredVariable = "ROADMAP_TEST_POSTGRES_REQUIRED";

    private readonly string _database = $"roadmap_test_{Guid.NewGuid():N}";
    private string? _server;

    /// <summary>The test database's connection string, once initialized (null when PostgreSQL is unavailable).</summary>
    protected string? DatabaseConnectionString { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequiredVariable)))
            {
                throw new InvalidOperationException($"{RequiredVariable} is set but {ServerVariable} is not.");
            }

            Unavailable = $"PostgreSQL tests need {ServerVariable} (a connection string to a server where the user may create databases).";
            return;
        }

        // Databases are created and dropped from the maintenance database unless the variable names another.
        _server = TestDatabases.Maintenance(server);
        await TestDatabases.ExecuteAsync(_server, $"CREATE DATABASE \"{_database}\"");

        Set("Database:Provider", "Postgres");
        Set("Database:ApplyMigrations", "true");
        DatabaseConnectionString = TestDatabases.On(_server, _database);
        Set("ConnectionStrings:Roadmap", DatabaseConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
            if (Unavailable is null && _server is not null)
            {
                await TestDatabases.DropAsync(_server, _database);
            }
        }
        catch (Exception e)
        {
            TestDiagnostics.Record($"disposing {GetType().Name} ({_database})", e);
            throw;
        }

        GC.SuppressFinalize(this);
    }
}
