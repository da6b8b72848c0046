using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Common;

namespace Roadmap.Api.Tests.Identity;

/// <summary>What the service insists on at start-up: a signing key outside Development; the first Admin from configuration.</summary>
public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "Auth:SigningKey is not set")]
    [InlineData("too-short", "Auth:SigningKey is too short")]
    public async Task Outside_Development_the_service_refuses_to_start_without_a_proper_key(string key, string message)
    {
        await using var factory = new ProductionFactory(key);
        await factory.InitializeAsync();

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage($"*{message}*");
    }

    [Fact]
    public async Task A_database_without_this_builds_migrations_is_refused_at_start_up_rather_than_served()
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        factory.Set("Database:ApplyMigrations", "false");

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidConfigurationException>().WithMessage("The database lacks * migration(s) of this build*apply them first*");
    }

    [Theory]
    [InlineData("Postgress", null, "*Database:Provider is one of Sqlite, Postgres, SqlServer*")]
    [InlineData("Postgres", "", "*ConnectionStrings:Roadmap is not set*")]
    public async Task A_provider_misspelt_or_without_its_connection_string_is_one_clear_refusal(string provider, string? connectionString, string message)
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        factory.Set("Database:Provider", provider);
        if (connectionString is not null)
        {
            factory.Set("ConnectionStrings:Roadmap", connectionString);
        }

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidConfigurationException>().WithMessage(message);
    }

    [Theory]
    [InlineData("Jobs:WorkerCount", "four", "Failed to convert configuration value 'four' at 'Jobs:WorkerCount'*")]
    [InlineData("Jobs:QueuePollMilliseconds", "10", "Jobs:QueuePollMilliseconds is 10; it must be from 50 to 60,000.")]
    [InlineData("Jobs:Dashboard:SessionMinutes", "0", "Jobs:Dashboard:SessionMinutes is 0; it must be from 1 to 1,440.")]
    [InlineData("Auth:AccessTokenMinutes", "-5", "Auth:AccessTokenMinutes is -5; it must be from 1 to 1,440.")]
    [InlineData("Auth:AccountCacheSeconds", "ten", "Failed to convert configuration value 'ten' at 'Auth:AccountCacheSeconds'*")]
    [InlineData("RateLimiting:Auth:PermitLimit", "-1", "RateLimiting:Auth:PermitLimit is -1; it must be from 1 to 1,000,000.")]
    [InlineData("RateLimiting:Refresh:WindowSeconds", "1m", "RateLimiting:Refresh:WindowSeconds is not a whole number (it is '1m').")]
    [InlineData("Redis:TimeoutMilliseconds", "0", "Redis:TimeoutMilliseconds is 0; it must be from 1 to 60,000.")]
    [InlineData("Catalog:SeedOnEmptyDatabase", "maybe", "Failed to convert configuration value 'maybe' at 'Catalog:SeedOnEmptyDatabase'*")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.local", "ForwardedHeaders:KnownProxies holds 'proxy.local', which is not an IP address.")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "ForwardedHeaders:KnownNetworks holds '10.0.0.0', which is not a network in CIDR notation (10.0.0.0/8).")]
    [InlineData("Logging:Format", "Xml", "Logging:Format is 'Xml'; it is Text or Json.")]
    [InlineData("Serilog:MinimumLevel:Default", "Loud", "Serilog: The value Loud is not a valid Serilog level.")]
    [InlineData("Database:ApplyMigrations", "maybe", "Failed to convert configuration value 'maybe' at 'Database:ApplyMigrations'*")]
    public async Task A_setting_that_cannot_be_read_or_is_out_of_its_range_is_one_clear_refusal(string key, string value, string message)
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        factory.Set(key, value);

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidConfigurationException>().WithMessage(message);
    }

    [Fact]
    public async Task A_port_in_use_ends_the_start_with_one_clear_line_and_exit_code_1_not_a_crash()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        await using var service = RunningService.Launch(format: null, $"http://127.0.0.1:{port}");

        (await service.ExitCodeAsync()).Should().Be(1);
        service.Lines.Should().Contain($"The service cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.");
        service.Lines.Should().NotContain(line => line.StartsWith("Unhandled exception", StringComparison.Ordinal));
        service.Lines.Should().NotContain(line => line.Contains("BackgroundService failed", StringComparison.Ordinal), "stopping is no failure");
    }

    [Fact]
    public void The_shipped_settings_name_no_connection_string_so_a_server_provider_must_be_given_one()
    {
        // The SQLite default lives in code; one in appsettings.json would be taken as a server's too.
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        shipped.GetConnectionString(Roadmap.Infrastructure.DependencyInjection.ConnectionStringName).Should().BeNull();
        shipped["Database:Provider"].Should().Be("Sqlite");
    }

    [Fact]
    public async Task The_bootstrap_admin_from_configuration_can_sign_in_as_admin()
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        factory.Set("Auth:BootstrapAdmin:Email", "root@example.org");
        factory.Set("Auth:BootstrapAdmin:Password", "a configured admin password");
        using var client = factory.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "root@example.org", password = "a configured admin password" }, Ct);
        var tokens = await login.Content.ReadFromJsonAsync<TokenPairDto>(Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens!.AccessToken);
        var me = await client.GetFromJsonAsync<UserProfileDto>("/api/me", Roadmap.Application.Common.Serialization.JsonDefaults.Options, Ct);

        me!.Roles.Should().Contain(Roles.Admin);
    }

    [Fact]
    public async Task A_bootstrap_admin_that_cannot_be_created_is_refused_with_the_reason()
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        factory.Set("Auth:BootstrapAdmin:Email", "root@example.org");
        factory.Set("Auth:BootstrapAdmin:Password", "short");

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidConfigurationException>().WithMessage("Auth:BootstrapAdmin could not be created: *; password: *");
    }

    [Fact]
    public async Task The_bootstrap_admin_does_not_promote_someone_who_registered_that_email_first()
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        using (var early = factory.CreateClient())
        {
            (await early.PostAsJsonAsync("/api/auth/register", new { email = "boss@example.org", password = "the squatter's password", displayName = "Eve" }, Ct))
                .EnsureSuccessStatusCode();
        }

        await using var restarted = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:BootstrapAdmin:Email", "boss@example.org");
            b.UseSetting("Auth:BootstrapAdmin:Password", "the operator's password");
        });
        var start = () => restarted.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*BootstrapAdmin*");
        using var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "boss@example.org", password = "the squatter's password" }, Ct);
        var tokens = await login.Content.ReadFromJsonAsync<TokenPairDto>(Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens!.AccessToken);
        var me = await client.GetFromJsonAsync<UserProfileDto>("/api/me", Roadmap.Application.Common.Serialization.JsonDefaults.Options, Ct);
        me!.Roles.Should().NotContain(Roles.Admin);
    }

    [Fact]
    public async Task The_users_command_creates_an_admin_with_the_password_from_stdin()
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        using var output = new StringWriter();

        using var error = new StringWriter();

        var exit = await CommandLine.Parse(["users", "create-admin", "--email", "ops@example.org"])
            .RunAsync(factory.Services, new StringReader("a password from stdin\n"), output, TextWriter.Null, Ct);
        var weak = await CommandLine.Parse(["users", "create-admin", "--email", "weak@example.org"])
            .RunAsync(factory.Services, new StringReader("short\n"), TextWriter.Null, TextWriter.Null, Ct);
        var none = await CommandLine.Parse(["users", "create-admin", "--email", "none@example.org"])
            .RunAsync(factory.Services, TextReader.Null, TextWriter.Null, error, Ct);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "ops@example.org", password = "a password from stdin" }, Ct);

        exit.Should().Be(0);
        output.ToString().Should().Contain("ops@example.org is an Admin").And.NotContain("a password from stdin");
        weak.Should().Be(1);
        none.Should().Be(2);
        error.ToString().Should().Contain(CommandLine.AdminPasswordVariable).And.Contain("standard input");
        login.IsSuccessStatusCode.Should().BeTrue();
    }

    [Theory]
    [InlineData("--password", "never taken from the command line")]
    [InlineData("--password=hunter2", "never taken from the command line")]
    [InlineData("--Password=hunter2", "never taken from the command line")]
    [InlineData("--frobnicate", "'--frobnicate' is not an option of users create-admin")]
    [InlineData("--display-name", "'--display-name' is not an option of users create-admin, is given twice or lacks its value")]
    [InlineData("stray", "'stray' is not an option")]
    [InlineData("--email", "'--email' is not an option of users create-admin, is given twice")]
    public async Task The_users_command_refuses_an_argument_it_does_not_take_and_creates_no_one(string argument, string message)
    {
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        using var error = new StringWriter();
        string[] args = argument == "--email"
            ? ["users", "create-admin", "--email", "one@example.org", "--email", "two@example.org"]
            : argument == "--display-name"
                ? ["users", "create-admin", "--email", "one@example.org", "--display-name"]
                : ["users", "create-admin", "--email", "one@example.org", argument, "x"];

        var exit = await CommandLine.Parse(args).RunAsync(factory.Services, new StringReader("a password from stdin\n"), TextWriter.Null, error, Ct);

        exit.Should().Be(2);
        error.ToString().Should().Contain(message);
        (await client.PostAsJsonAsync("/api/auth/login", new { email = "one@example.org", password = "a password from stdin" }, Ct))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no account was created");
    }

    [Fact]
    public void A_relative_file_is_the_callers_when_it_is_in_the_callers_folder_and_refused_when_both_folders_hold_one()
    {
        var caller = Path.Combine(Path.GetTempPath(), "roadmap-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(caller);
        try
        {
            File.WriteAllText(Path.Combine(caller, "appsettings.json"), "{}");
            File.WriteAllText(Path.Combine(caller, "mine.json"), "{}");

            CommandLine.FromCallersDirectory("mine.json", caller).Should().Be(Path.Combine(caller, "mine.json"));
            CommandLine.FromCallersDirectory("appsettings.json", caller).Should().BeNull(
                "the working folder (the tests') holds another appsettings.json: which one was meant cannot be told");
            CommandLine.FromCallersDirectory("appsettings.json", AppContext.BaseDirectory).Should().Be(Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
                "the same file from both folders");
            File.Copy("appsettings.json", Path.Combine(caller, "appsettings.json"), overwrite: true);
            CommandLine.FromCallersDirectory("appsettings.json", caller).Should().Be(Path.Combine(caller, "appsettings.json"),
                "the same bytes, as one file named by two paths has");
            CommandLine.FromCallersDirectory("missing.json", caller).Should().Be("missing.json", "from the working folder then");
            CommandLine.FromCallersDirectory("appsettings.json", null).Should().Be("appsettings.json");
            CommandLine.FromCallersDirectory("/abs/a.json", caller).Should().Be("/abs/a.json");
        }
        finally
        {
            Directory.Delete(caller, recursive: true);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_is_a_command_of_its_own_that_starts_nothing(string argument)
    {
        var commandLine = CommandLine.Parse([argument, "--urls=http://localhost:1"]);

        commandLine.Command.Should().Be(CommandLine.Help, "Program prints the usage and exits before building the service");
        CommandLine.HelpText.Should().Contain("import").And.Contain("users create-admin").And.Contain(CommandLine.AdminPasswordVariable);
        CommandLine.Parse(["--urls=http://localhost:1"]).Command.Should().BeNull("other options are the server's settings");
        CommandLine.Parse(["--urls", "http://localhost:1", "--help"]).Command.Should().Be(CommandLine.Help, "after settings too");
    }

    [Fact]
    public void A_command_after_the_servers_settings_is_run_with_them()
    {
        var spaced = CommandLine.Parse(["--urls", "http://localhost:1", "users", "create-admin", "--email", "ops@example.org", "--Key=value"]);
        CommandLine.Parse(["users", "create-admin", "--email=ops@example.org", "--display-name=Ops = on call", "--Key=value"]).Arguments
            .Should().Equal("create-admin", "--email", "ops@example.org", "--display-name", "Ops = on call");
        var joined = CommandLine.Parse(["--urls=http://localhost:1", "import", "a.json"]);
        var server = CommandLine.Parse(["--urls", "http://localhost:1", "--Key=value"]);

        spaced.Command.Should().Be("users");
        spaced.Arguments.Should().Equal("create-admin", "--email", "ops@example.org");
        spaced.HostArgs.Should().Equal("--urls", "http://localhost:1", "--Key=value");
        joined.Command.Should().Be("import");
        joined.Arguments.Should().Equal("a.json");
        joined.HostArgs.Should().Equal("--urls=http://localhost:1");
        server.Command.Should().BeNull();
        server.HostArgs.Should().Equal("--urls", "http://localhost:1", "--Key=value");
        CommandLine.Parse(["--urls", "http://localhost:1", "help"]).Command.Should().Be(CommandLine.Help);
        CommandLine.Parse(["--urls"]).Command.Should().BeNull("a setting without its value is left to the server to refuse");
    }

    private sealed class ProductionFactory(string key) : SqliteApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:SigningKey", key);
        }
    }
}
