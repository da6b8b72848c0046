using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Api.Tests.Identity;

/// <summary>Every way of presenting a bad access token is a 401 problem, never a 500 and never a success.</summary>
public abstract class TokenAttackTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    public static TheoryData<string> Forgeries =>
    [
        "malformed", "expired", "not-yet-valid", "wrong-signature", "alg-none", "wrong-issuer", "wrong-audience", "no-expiry", "unknown-user",
    ];

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        using var client = Client();

        var response = await client.GetAsync("/api/me", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_token_is_401(string forgery)
    {
        using var user = await SignIn(Roles.Admin);
        var token = forgery switch
        {
            "malformed" => "not.a.jwt",
            "expired" => Token(user.UserId, expires: DateTime.UtcNow.AddMinutes(-5)),
            "not-yet-valid" => Token(user.UserId, notBefore: DateTime.UtcNow.AddMinutes(10)),
            "wrong-signature" => Token(user.UserId, key: "another-key-that-is-long-enough-for-hmac-sha-256!!"),
            "alg-none" => Unsigned(user.UserId),
            "wrong-issuer" => Token(user.UserId, issuer: "someone-else"),
            "wrong-audience" => Token(user.UserId, audience: "another-api"),
            "no-expiry" => Token(user.UserId, noExpiry: true),
            "unknown-user" => Token(Guid.NewGuid()),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        using var client = Client();

        // A route anonymous callers may read too: a token that is sent must be valid there as well.
        foreach (var (method, url) in new[] { (HttpMethod.Get, "/api/me"), (HttpMethod.Post, "/api/roadmaps/backend-developer/archive"), (HttpMethod.Get, "/api/roadmaps/backend-developer") })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request, Ct);

            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{forgery} on {method} {url}");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer" && h.Parameter!.Contains("error=\"invalid_token\""));
        }
    }

    [Fact]
    public async Task Another_scheme_a_proxy_may_use_is_left_alone_where_anonymous_callers_may_read()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/roadmaps/backend-developer");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("proxy:secret")));

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refreshing_with_the_expired_access_token_still_sent_works()
    {
        using var user = await SignIn();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh")
        {
            Content = JsonContent.Create(new { refreshToken = user.Tokens.RefreshToken }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(user.UserId, expires: DateTime.UtcNow.AddMinutes(-5)));

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_well_formed_token_of_the_test_key_is_accepted()
    {
        // The forgeries above differ from this one in exactly one way each.
        using var user = await SignIn();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(user.UserId));

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_valid_token_stops_working_at_once_when_its_account_is_deleted()
    {
        using var user = await SignIn();

        // Signed in once, so this node holds the account's state when it is deleted.
        (await user.Client.GetAsync("/api/me", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = Factory.Service<Microsoft.AspNetCore.Identity.UserManager<Roadmap.Infrastructure.Identity.ApplicationUser>>(scope);
            (await users.DeleteAsync((await users.FindByIdAsync(user.UserId.ToString()))!)).Succeeded.Should().BeTrue();
        }

        var response = await user.Client.GetAsync("/api/me", Ct);
        var refresh = await user.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3QtYS1ndWlkIn0.")]
    public async Task A_garbled_authorization_header_is_401(string header)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static string Token(
        Guid userId,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string key = RoadmapApiFactory.SigningKey,
        string issuer = RoadmapApiFactory.Issuer,
        string audience = RoadmapApiFactory.Audience,
        bool noExpiry = false)
    {
        var from = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", Roles.Admin)]),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires is { } past && past < from ? past.AddMinutes(-10) : from,
            NotBefore = expires is { } end && end < from ? end.AddMinutes(-10) : from,
            Expires = noExpiry ? null : expires ?? from.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The classic attack: a token that says it needs no signature.</summary>
    private static string Unsigned(Guid userId)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"sub":"{{userId}}","role":"Admin","iss":"{{RoadmapApiFactory.Issuer}}","aud":"{{RoadmapApiFactory.Audience}}","exp":{{exp}}}""")}.";
    }
}

public sealed class TokenAttackTests_Sqlite(SqliteApiFactory factory) : TokenAttackTests<SqliteApiFactory>(factory);

public sealed class TokenAttackTests_Postgres(PostgresApiFactory factory) : TokenAttackTests<PostgresApiFactory>(factory);
