using Hangfire;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Identity.Jobs;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Identity;

internal static class IdentityModule
{
    /// <summary>Accounts on ASP.NET Core Identity, JWT bearer authentication, the signing key.</summary>
    public static void AddIdentityModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        var options = Settings.Read<AuthOptions>(configuration, AuthOptions.SectionName);
        options.Validate();

        // Resolved now, so a missing key stops the start with a clear message instead of failing the first sign-in.
        var key = SigningKeys.Resolve(options, environment);
        services.AddSingleton(key);

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;

                // The user name is the email, already validated as one; Identity's default character list would refuse valid addresses.
                o.User.AllowedUserNameCharacters = string.Empty;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;

                // Lockout is counted by EfSignInAttempts (Auth:MaxFailedSignIns, Auth:LockoutMinutes), not by Identity.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<RoadmapDbContext>();
        services.AddScoped<IUserAccounts, IdentityUserAccounts>();
        services.AddScoped<ILearnerProfiles, EfLearnerProfiles>();
        services.AddScoped<ISignInAttempts, EfSignInAttempts>();
        services.AddSingleton<BootstrapAdmin>();
        services.AddScoped<IRefreshTokenRevocation, EfRefreshTokenRevocation>();
        services.AddScoped<IRefreshTokenPurge, EfRefreshTokenPurge>();
        services.AddRecurringJob<PurgeRefreshTokensJob>(PurgeRefreshTokensJob.Id, Cron.Daily());
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        // Signed-in requests read accounts from this node's cache; saves that change an account evict it after their commit.
        services.AddScoped<IAccountStateReader, EfAccountStateReader>();
        services.AddSingleton<AccountStateCache>();
        services.AddSingleton<IAccountStates>(sp => sp.GetRequiredService<AccountStateCache>());
        services.AddSingleton<AccountStateBroadcast>();
        services.AddSingleton<IAccountStateEviction>(sp => sp.GetRequiredService<AccountStateBroadcast>());
        services.AddSingleton<Common.Cluster.INodeMessageHandler>(sp => sp.GetRequiredService<AccountStateBroadcast>());
        services.AddSingleton<IInterceptor, AccountChangesInterceptor>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = auth.Value.Issuer,
                ValidateAudience = true,
                ValidAudience = auth.Value.Audience,
                ValidateIssuerSigningKey = true,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(auth.Value.ClockSkewSeconds),
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RoleClaimType = JwtAccessTokenIssuer.RoleClaim,
            };
            bearer.Events = new JwtBearerEvents { OnTokenValidated = TokenAccountCheck.OnTokenValidatedAsync };
        });
    }
}
