using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Identity.Jobs;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Identity;

internal static class IdentityModule
{
    /// <summary>Accounts on ASP.NET Core Identity, JWT bearer authentication, the signing key.</summary>
    public static void AddIdentityModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(AuthOptions.SectionName);
        services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

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
            bearer.Events = new JwtBearerEvents
            {
                // The token says who; the database says whether that account still exists and what it may do now,
                // so a deleted account or a removed role takes effect at once, not when the token expires.
                OnTokenValidated = async context =>
                {
                    var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
                    var db = context.HttpContext.RequestServices.GetRequiredService<RoadmapDbContext>();
                    var roles = Guid.TryParse(subject, out var userId)
                        ? await db.Users.Where(u => u.Id == userId)
                            .Select(u => db.UserRoles.Where(ur => ur.UserId == u.Id)
                                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList())
                            .FirstOrDefaultAsync(context.HttpContext.RequestAborted)
                        : null;
                    if (roles is null || context.Principal?.Identity is not ClaimsIdentity identity)
                    {
                        context.Fail("The token's account does not exist.");
                        return;
                    }

                    foreach (var stale in identity.FindAll(JwtAccessTokenIssuer.RoleClaim).ToList())
                    {
                        identity.RemoveClaim(stale);
                    }

                    identity.AddClaims(roles.Select(r => new Claim(JwtAccessTokenIssuer.RoleClaim, r)));
                },
            };
        });
    }
}
