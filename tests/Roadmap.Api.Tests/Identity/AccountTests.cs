using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Api.Tests.Identity;

/// <summary>The account life cycle a client goes through: register, sign in, refresh, profile, sign out.</summary>
public abstract class AccountTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task Registering_creates_a_learner_with_defaults()
    {
        using var client = Client();
        var email = Email();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Ann" }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/api/me");
        var profile = await ReadJson(response);
        profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Learner);
        profile.GetProperty("timeZone").GetString().Should().Be("UTC");
        profile.GetProperty("showOnLeaderboard").GetBoolean().Should().BeFalse();
        profile.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("id", "email", "roles", "displayName", "timeZone", "showOnLeaderboard");
    }

    [Theory]
    [InlineData("not-an-email", Password, "Ann", null, "email")]
    [InlineData("", Password, "Ann", null, "email")]
    [InlineData(null, Password, "Ann", null, "email")]
    [InlineData("x@example.org", "short", "Ann", null, "password")]
    [InlineData("x@example.org", "aaaaaaaaaaaa", "Ann", null, "password")]
    [InlineData("x@example.org", "\U0001F600\U0001F601\U0001F602\U0001F923\U0001F603", "Ann", null, "password")] // 5 characters, 10 UTF-16 units
    [InlineData("x@example.org", Password, "", null, "displayName")]
    [InlineData("x@example.org", Password, "Ann", "Mars/Olympus", "timeZone")]
    public async Task Bad_registrations_name_the_field_and_create_nothing(string? email, string password, string displayName, string? timeZone, string field)
    {
        using var client = Client();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName, timeZone }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = email ?? "x@example.org", password }, Ct);
        login.IsSuccessStatusCode.Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"email":"nul@example.org","password":"a long enough password","displayName":"a\u0000b"}""", "displayName")]
    [InlineData("""{"email":"bell@example.org","password":"a long enough password","displayName":"a\u0007\u001b[31mred"}""", "displayName")]
    [InlineData("""{"email":"rlo@example.org","password":"a long enough password","displayName":"abc\u202Egpj.exe"}""", "displayName")]
    [InlineData("""{"email":"tag@example.org","password":"a long enough password","displayName":"x\uDB40\uDC41y"}""", "displayName")]
    [InlineData("""{"email":"lsep@example.org","password":"a long enough password","displayName":"Ann\u2028Admin"}""", "displayName")]
    [InlineData("""{"email":"bom@example.org","password":"a long enough password","displayName":"A\uFEFFnn"}""", "displayName")]
    [InlineData("""{"email":"zwsp@example.org","password":"a long enough password","displayName":"\u200B"}""", "displayName")]
    [InlineData("""{"email":"filler@example.org","password":"a long enough password","displayName":"\u3164 \uFEFF"}""", "displayName")]
    [InlineData("""{"email":"ann@example.org\u200B","password":"a long enough password","displayName":"X"}""", "email")]
    [InlineData("""{"email":"ann\t@example.org","password":"a long enough password","displayName":"X"}""", "email")]
    [InlineData("""{"email":"extra@example.org","password":"a long enough password","displayName":"X","roles":["Admin"]}""", "roles")]
    [InlineData("""{"email":"twice@example.org","email":"again@example.org","password":"a long enough password","displayName":"X"}""", null)]
    [InlineData("""{"Email":"case@example.org","password":"a long enough password","displayName":"X"}""", "Email")]
    [InlineData("""{"email":"nopass@example.org","password":null,"displayName":"X"}""", "password")]
    [InlineData("""{"email":"nopass2@example.org","displayName":"X"}""", "password")]
    [InlineData("""{"email":null,"password":"a long enough password","displayName":"X"}""", "email")]
    [InlineData("""{"password":"a long enough password"}""", "email")]
    public async Task Hostile_registration_bodies_are_400_on_every_database(string body, string? field)
    {
        using var client = Client();

        var response = await client.PostAsync("/api/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            (await ReadJson(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        }
    }

    [Fact]
    public async Task Token_responses_are_not_stored_by_caches()
    {
        using var user = await SignIn();

        var login = await user.Client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);
        var me = await user.Client.GetAsync("/api/me", Ct);

        login.Headers.CacheControl!.NoStore.Should().BeTrue();
        me.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task A_removed_role_stops_working_at_once_even_with_an_unexpired_token()
    {
        using var admin = await SignIn(Roles.Admin);
        using var author = await SignIn(Roles.Author);
        (await author.Client.GetAsync("/api/roadmaps?status=Draft", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.Client.PutAsJsonAsync($"/api/admin/users/{author.UserId}/roles", new { roles = Array.Empty<string>() }, Ct)).EnsureSuccessStatusCode();
        var after = await author.Client.PostAsJsonAsync("/api/roadmaps", new { }, Ct);

        after.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Role_names_are_read_in_any_case_and_kept_as_written_in_the_list_of_roles()
    {
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();

        var set = await admin.Client.PutAsJsonAsync($"/api/admin/users/{learner.UserId}/roles", new { roles = new[] { "author", "AUTHOR" } }, Ct);
        var unknown = await admin.Client.PutAsJsonAsync($"/api/admin/users/{learner.UserId}/roles", new { roles = new[] { "authors" } }, Ct);

        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Ct));
        (await ReadJson(set)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(Roles.Author, Roles.Learner);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await learner.Client.GetAsync("/api/roadmaps?status=Draft", Ct)).StatusCode.Should().Be(HttpStatusCode.OK, "the role works");
    }

    [Fact]
    public async Task An_email_registers_once()
    {
        using var client = Client();
        var email = Email();
        await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Ann" }, Ct);

        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = Password, displayName = "Eve" }, Ct);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_client_signs_in_reads_and_edits_its_profile()
    {
        using var user = await SignIn();

        var patched = await user.Client.PatchAsJsonAsync("/api/me", new { displayName = "Ann B.", timeZone = "Europe/Berlin", showOnLeaderboard = true }, Ct);
        var profile = await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct));

        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        profile.Should().BeEquivalentTo(new UserProfileDto(user.UserId, user.Email, [Roles.Learner], "Ann B.", "Europe/Berlin", true));
        user.Tokens.ExpiresIn.Should().Be(15 * 60);
        user.Tokens.TokenType.Should().Be("Bearer");
    }

    [Fact]
    public async Task A_partial_profile_edit_keeps_the_other_fields_and_a_bad_one_changes_nothing()
    {
        using var user = await SignIn();
        (await user.Client.PatchAsJsonAsync("/api/me", new { timeZone = "AMERICA/new_york" }, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        var bad = await user.Client.PatchAsJsonAsync("/api/me", new { displayName = new string('x', 101), showOnLeaderboard = true }, Ct);
        var profile = await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct));

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        profile.TimeZone.Should().Be("America/New_York", "a zone is kept as the time-zone database writes it");
        profile.ShowOnLeaderboard.Should().BeFalse();
        profile.DisplayName.Should().Be(Roles.Learner);
    }

    [Fact]
    public async Task Racing_profile_edits_of_other_fields_all_succeed_and_all_are_kept()
    {
        using var user = await SignIn();
        const int rounds = 4;

        foreach (var round in Enumerable.Range(0, rounds))
        {
            var zone = round % 2 == 0 ? "Europe/Berlin" : "Asia/Tokyo";
            var edits = await Task.WhenAll(
                user.Client.PatchAsJsonAsync("/api/me", new { displayName = $"Ann {round}" }, Ct),
                user.Client.PatchAsJsonAsync("/api/me", new { timeZone = zone }, Ct),
                user.Client.PatchAsJsonAsync("/api/me", new { showOnLeaderboard = round % 2 == 0 }, Ct));

            edits.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "an edit that loses a race runs again");
            (await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct))).Should().BeEquivalentTo(
                new { DisplayName = $"Ann {round}", TimeZone = zone, ShowOnLeaderboard = round % 2 == 0 });
        }
    }

    [Fact]
    public async Task A_role_change_racing_the_owners_profile_edits_succeeds_and_both_are_kept()
    {
        using var admin = await SignIn(Roles.Admin);
        using var user = await SignIn();

        foreach (var round in Enumerable.Range(0, 4))
        {
            var roles = round % 2 == 0 ? new[] { Roles.Author } : [];
            var answers = await Task.WhenAll(
                admin.Client.PutAsJsonAsync($"/api/admin/users/{user.UserId}/roles", new { roles }, Ct),
                user.Client.PatchAsJsonAsync("/api/me", new { displayName = $"Ann {round}" }, Ct),
                user.Client.PatchAsJsonAsync("/api/me", new { showOnLeaderboard = round % 2 == 0 }, Ct));

            answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "a change that loses a race to another runs again");
            var profile = await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct));
            profile.Should().BeEquivalentTo(new { DisplayName = $"Ann {round}", ShowOnLeaderboard = round % 2 == 0 });
            profile.Roles.Should().BeEquivalentTo(roles.Append(Roles.Learner));
        }
    }

    [Fact]
    public async Task A_display_name_is_measured_in_characters_so_the_longest_name_in_emoji_is_kept()
    {
        using var user = await SignIn();
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", UserProfileRules.DisplayNameMaxLength));

        var tooLong = await user.Client.PatchAsJsonAsync("/api/me", new { displayName = longest + "\U0001F600" }, Ct);
        var kept = await user.Client.PatchAsJsonAsync("/api/me", new { displayName = longest }, Ct);

        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(tooLong)).GetProperty("errors").GetProperty("displayName").EnumerateArray().Select(m => m.GetString()).Should().Equal(
            $"The length of 'displayName' must be {UserProfileRules.DisplayNameMaxLength} characters or fewer. " +
            $"You entered {UserProfileRules.DisplayNameMaxLength + 1} characters.");
        kept.StatusCode.Should().Be(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync(Ct));
        (await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct))).DisplayName.Should().Be(longest);
    }

    [Theory]
    [InlineData("x\U000E0041y")] // a tag character
    [InlineData("Ann\uFFF9\uFFFAhidden\uFFFB")] // an interlinear annotation
    [InlineData("Ann\u2029Admin")] // a paragraph separator
    [InlineData("A\u200Bnn")] // a zero-width space
    public async Task A_display_name_that_hides_or_breaks_text_is_refused_when_edited_too(string displayName)
    {
        using var user = await SignIn();

        var response = await user.Client.PatchAsJsonAsync("/api/me", new { displayName }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJson(response)).GetProperty("errors").GetProperty("displayName").EnumerateArray().Select(m => m.GetString())
            .Should().Contain(m => m!.StartsWith("A display name may not contain", StringComparison.Ordinal));
        (await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct))).DisplayName.Should().Be(Roles.Learner);
    }

    [Fact]
    public async Task A_display_name_may_join_emoji_and_letters()
    {
        using var user = await SignIn();
        // A woman technologist (joined emoji), Persian (with its non-joiner), and Wales's flag (spelled with tags).
        const string name = "\U0001F469\u200D\U0001F4BB \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F";

        (await user.Client.PatchAsJsonAsync("/api/me", new { displayName = name }, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Read<UserProfileDto>(await user.Client.GetAsync("/api/me", Ct))).DisplayName.Should().Be(name);
    }

    [Fact]
    public async Task Refreshing_rotates_the_refresh_token()
    {
        using var user = await SignIn();
        using var client = Client();

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        var pair = await Read<TokenPairDto>(refreshed);
        var oldAgain = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        pair.RefreshToken.Should().NotBe(user.Tokens.RefreshToken);
        oldAgain.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        oldAgain.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.AccessToken);
        (await client.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        using var user = await SignIn();
        using var client = Client();
        var pair = await Read<TokenPairDto>(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct));

        var theft = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        var owner = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken }, Ct);

        theft.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        owner.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the newest token of a family with a replayed member is revoked too");
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_get_one_new_pair()
    {
        using var user = await SignIn();
        using var first = Client();
        using var second = Client();

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct),
            second.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Single(a => a.StatusCode != HttpStatusCode.OK).StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Logging_out_revokes_the_refresh_token()
    {
        using var user = await SignIn();

        var logout = await user.Client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        var refresh = await user.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_with_someone_elses_token_does_not_touch_their_session()
    {
        using var victim = await SignIn();
        using var attacker = await SignIn();

        var logout = await attacker.Client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = victim.Tokens.RefreshToken }, Ct);
        var refresh = await victim.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = victim.Tokens.RefreshToken }, Ct);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        using var user = await SignIn();
        using var client = Client();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not the password" }, Ct);
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = Email(), password = "not the password" }, Ct);

        wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var a = await ReadJson(wrongPassword);
        var b = await ReadJson(unknownEmail);
        a.GetProperty("detail").GetString().Should().Be(b.GetProperty("detail").GetString());
        a.GetProperty("code").GetString().Should().Be(b.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        using var user = await SignIn();
        using var client = Client();

        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"wrong password {i}" }, Ct))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);

        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Parallel_failed_logins_still_lock_the_account()
    {
        using var user = await SignIn();
        using var client = Client();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"wrong password {i}" }, Ct)));
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);

        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "ten failures in parallel count as ten, not as one");
    }

    [Fact]
    public async Task The_right_password_sent_many_times_at_once_never_locks_the_account()
    {
        using var user = await SignIn();
        using var client = Client();

        var burst = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct)));
        var after = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);

        burst.Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.OK, "no password was wrong: attempts claimed past the limit while others were checked are refused, but a success lifts the lock they set");
    }

    [Fact]
    public async Task After_five_failures_a_burst_of_right_passwords_gets_nothing()
    {
        using var user = await SignIn();
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"wrong password {i}" }, Ct);
        }

        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct)));

        burst.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized, "every attempt is counted before its password is checked");
    }

    [Fact]
    public async Task Parallel_logouts_with_one_token_are_all_204()
    {
        using var user = await SignIn();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            user.Client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.Tokens.RefreshToken }, Ct)));
        var refresh = await user.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.NoContent);
        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Parallel_registrations_of_one_email_create_one_account_and_no_500()
    {
        using var client = Client();
        var email = Email();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Twin" }, Ct)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Parallel_refreshes_of_one_token_give_one_pair_and_the_rest_are_replays()
    {
        using var user = await SignIn();
        using var client = Client();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.OK).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Unauthorized,
            "an exchange that lost the race finds the token used, as a replay would (never a 409)");
    }

    [Fact]
    public async Task A_replay_racing_a_rotation_leaves_no_working_token()
    {
        using var user = await SignIn();
        using var client = Client();
        var second = await Read<TokenPairDto>(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct));

        // The owner refreshes with the current token while a thief replays the first one.
        var answers = await Task.WhenAll(
            client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken }, Ct),
            client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct));
        var owner = answers[0];
        var thief = answers[1];

        thief.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        owner.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Unauthorized);
        if (owner.StatusCode == HttpStatusCode.OK)
        {
            var third = await Read<TokenPairDto>(owner);
            (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = third.RefreshToken }, Ct))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token issued by a rotation that raced the revocation dies with its family");
        }
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        using var admin = await SignIn(Roles.Admin);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // Leave exactly one Admin in this class's database.
            var users = Factory.Service<Microsoft.AspNetCore.Identity.UserManager<Roadmap.Infrastructure.Identity.ApplicationUser>>(scope);
            foreach (var other in (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => u.Id != admin.UserId))
            {
                await users.RemoveFromRoleAsync(other, Roles.Admin);
            }
        }

        var demoted = await admin.Client.PutAsJsonAsync($"/api/admin/users/{admin.UserId}/roles", new { roles = new[] { Roles.Author } }, Ct);

        demoted.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_admin_grants_the_author_role_and_it_shows_after_signing_in_again()
    {
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();

        var granted = await admin.Client.PutAsJsonAsync($"/api/admin/users/{learner.UserId}/roles", new { roles = new[] { Roles.Author } }, Ct);
        var tokens = await Read<TokenPairDto>(await learner.Client.PostAsJsonAsync("/api/auth/login", new { email = learner.Email, password = learner.Password }, Ct));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var profile = await Read<UserProfileDto>(await learner.Client.SendAsync(request, Ct));

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        profile.Roles.Should().BeEquivalentTo([Roles.Author, Roles.Learner]);
    }

    [Theory]
    [InlineData("""{ "roles": ["Overlord"] }""", HttpStatusCode.BadRequest)]
    [InlineData("""{ "roles": "Admin" }""", HttpStatusCode.BadRequest)]
    [InlineData("""{ "roles": [] }""", HttpStatusCode.OK)]
    public async Task Role_changes_are_validated(string body, HttpStatusCode expected)
    {
        using var admin = await SignIn(Roles.Admin);
        using var learner = await SignIn();

        var response = await admin.Client.PutAsync(
            $"/api/admin/users/{learner.UserId}/roles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.Should().Be(expected);
        var profile = await Read<UserProfileDto>(await learner.Client.GetAsync("/api/me", Ct));
        profile.Roles.Should().Equal(Roles.Learner);
    }

    [Fact]
    public async Task Roles_of_an_unknown_user_are_404()
    {
        using var admin = await SignIn(Roles.Admin);

        var response = await admin.Client.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}/roles", new { roles = new[] { Roles.Author } }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = Client();

        var api = await client.GetAsync("/api/roadmaps", Ct);
        var docs = await client.GetAsync("/docs/index.html", Ct);

        api.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        api.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        api.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        api.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        docs.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
    }

    private static string Email() => $"user-{Guid.NewGuid():N}@example.org";
}

public sealed class AccountTests_Sqlite(SqliteApiFactory factory) : AccountTests<SqliteApiFactory>(factory);

public sealed class AccountTests_Postgres(PostgresApiFactory factory) : AccountTests<PostgresApiFactory>(factory);
