using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Identity.Accounts.SetUserRoles;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>The job dashboard is never open to anonymous callers; Admins sign their browser in with a short-lived cookie.</summary>
public abstract class JobsDashboardTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    private const string SessionUrl = "/api/admin/jobs/dashboard-session";
    private const string CookieName = "roadmap_jobs_dashboard";

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/jobs/succeeded")]
    public async Task Anonymous_callers_are_refused(string path)
    {
        using var client = Browser();

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_bearer_token_gets_a_dashboard_session()
    {
        using var learner = await SignIn(Roles.Learner);
        using var author = await SignIn(Roles.Author);
        using var anonymous = Browser();

        (await learner.Client.PostAsync(SessionUrl, null, Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await author.Client.PostAsync(SessionUrl, null, Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.PostAsync(SessionUrl, null, Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_session_cookie_is_strict_short_lived_and_opens_the_dashboard()
    {
        using var admin = await SignIn(Roles.Admin);

        var session = await admin.Client.PostAsync(SessionUrl, null, Ct);
        var setCookie = session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var body = await ReadJson(session);
        using var browser = Browser(CookieFrom(setCookie));
        var dashboard = await browser.GetAsync("/hangfire", Ct);
        var recurring = await browser.GetAsync("/hangfire/recurring", Ct);

        session.StatusCode.Should().Be(HttpStatusCode.OK);
        session.Headers.CacheControl!.NoStore.Should().BeTrue();
        setCookie.ToLowerInvariant().Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/hangfire")
            .And.Contain("secure").And.Contain("max-age=900");
        body.GetProperty("path").GetString().Should().Be("/hangfire");
        body.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        body.GetProperty("expiresAt").GetString().Should().MatchRegex(@"T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?Z$", "in whole milliseconds, as every other time");
        dashboard.StatusCode.Should().Be(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync(Ct)).Should().Contain("Roadmap jobs");
        dashboard.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.NotContain("script-src 'self' 'unsafe-inline'");
        (await recurring.Content.ReadAsStringAsync(Ct)).Should().Contain("identity.purge-refresh-tokens");
    }

    [Fact]
    public async Task The_dashboard_is_read_only_for_admins()
    {
        using var admin = await SignIn(Roles.Admin);
        using var browser = Browser(await SessionCookie(admin));
        using var form = new FormUrlEncodedContent([new("jobs[]", "identity.purge-refresh-tokens")]);

        var trigger = await browser.PostAsync("/hangfire/recurring/trigger", form, Ct);
        var byToken = await admin.Client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "identity.purge-refresh-tokens")]), Ct);

        // The Admin was let in: the action is refused, not the caller (signing in again would change nothing).
        await ShouldBeProblem(trigger, HttpStatusCode.Forbidden);
        await ShouldBeProblem(byToken, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/hangfire/stats")] // stats are read from a form
    [InlineData("POST", "/hangfire/stats")]
    [InlineData("GET", "/hangfire/jobs/details/abc")] // a job id is a number
    public async Task Malformed_dashboard_requests_are_400_not_500(string method, string path)
    {
        using var admin = await SignIn(Roles.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        await ShouldBeProblem(await admin.Client.SendAsync(request, Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_session_stops_working_once_the_admin_role_is_removed()
    {
        using var keeper = await SignIn(Roles.Admin);
        using var admin = await SignIn(Roles.Admin);
        using var browser = Browser(await SessionCookie(admin));
        (await browser.GetAsync("/hangfire", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Send(new SetUserRolesCommand(admin.UserId, [Roles.Learner]))).IsSuccess.Should().BeTrue();
        var afterwards = await browser.GetAsync("/hangfire", Ct);

        afterwards.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("forged")]
    [InlineData("other-purpose")]
    [InlineData("expired")]
    [InlineData("unknown-user")]
    public async Task A_forged_tampered_or_expired_cookie_is_refused(string forgery)
    {
        using var admin = await SignIn(Roles.Admin);
        var valid = await SessionCookie(admin);
        var protector = Factory.Services.GetRequiredService<IDataProtectionProvider>();
        var sessions = protector.CreateProtector("Roadmap.Jobs.DashboardSession.v1").ToTimeLimitedDataProtector();
        var ticket = forgery switch
        {
            "tampered" => valid[..^6] + (valid[^6] == 'A' ? 'B' : 'A') + valid[^5..],
            "forged" => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            "other-purpose" => protector.CreateProtector("something else").ToTimeLimitedDataProtector()
                .Protect(admin.UserId.ToString("N"), DateTimeOffset.UtcNow.AddMinutes(5)),
            "expired" => sessions.Protect(admin.UserId.ToString("N"), DateTimeOffset.UtcNow.AddSeconds(-1)),
            "unknown-user" => sessions.Protect(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        using var browser = Browser(ticket);

        var response = await browser.GetAsync("/hangfire", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void The_dashboards_keys_are_this_nodes_alone()
    {
        // Not ASP.NET Core's default key folder in the user's home, which every node of that user on a machine shares.
        // (Read from the registrations: a host whose home folder cannot be written falls back to memory on its own.)
        var services = new ServiceCollection().AddApi();

        services.Should().ContainSingle(d => d.ServiceType == typeof(IDataProtectionProvider))
            .Which.ImplementationType.Should().Be<EphemeralDataProtectionProvider>();
    }

    [Fact]
    public async Task A_ticket_made_with_this_nodes_key_for_an_admin_is_accepted()
    {
        // The positive control of the forgery cases above: the same construction, done right, works.
        using var admin = await SignIn(Roles.Admin);
        var ticket = Factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Roadmap.Jobs.DashboardSession.v1").ToTimeLimitedDataProtector()
            .Protect(admin.UserId.ToString("N"), DateTimeOffset.UtcNow.AddMinutes(5));
        using var browser = Browser(ticket);

        (await browser.GetAsync("/hangfire", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_bearer_token_also_opens_it_but_a_learners_does_not()
    {
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn(Roles.Learner);

        (await admin.Client.GetAsync("/hangfire", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await learner.Client.GetAsync("/hangfire", Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>A client that keeps no cookies of its own: each test says exactly which cookie it sends.</summary>
    private HttpClient Browser(string? sessionTicket = null)
    {
        Client().Dispose();
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        if (sessionTicket is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={sessionTicket}");
        }

        return client;
    }

    private async Task<string> SessionCookie(SignedIn admin)
    {
        var session = await admin.Client.PostAsync(SessionUrl, null, Ct);
        session.EnsureSuccessStatusCode();
        return CookieFrom(session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)));
    }

    private static string CookieFrom(string setCookie) => setCookie.Split(';')[0][(CookieName.Length + 1)..];
}

public sealed class JobsDashboardTests_Sqlite(SqliteApiFactory factory) : JobsDashboardTests<SqliteApiFactory>(factory);

public sealed class JobsDashboardTests_Postgres(PostgresApiFactory factory) : JobsDashboardTests<PostgresApiFactory>(factory);

/// <summary>In Development, a developer on the machine itself may open the dashboard without signing in; others may not.</summary>
public sealed class JobsDashboardDevelopmentTests(JobsDashboardDevelopmentTests.DevelopmentFactory factory)
    : IClassFixture<JobsDashboardDevelopmentTests.DevelopmentFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    public async Task Local_requests_are_let_in_and_remote_ones_are_not(string remoteAddress, HttpStatusCode expected)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add(DevelopmentFactory.RemoteAddressHeader, remoteAddress);

        var response = await client.GetAsync("/hangfire", Ct);

        response.StatusCode.Should().Be(expected);
    }

    public sealed class DevelopmentFactory : SqliteApiFactory
    {
        /// <summary>The test server has no network: a test says which address a request comes from.</summary>
        public const string RemoteAddressHeader = "X-Test-Remote-Address";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFromHeader>());
        }

        private sealed class RemoteAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[RemoteAddressHeader].ToString());
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
