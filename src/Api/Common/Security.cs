namespace Roadmap.Api.Common;

/// <summary>The Api's security settings in one call; each concern lives in its own file.</summary>
internal static class Security
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddAuthorizationPolicies()
            .AddRateLimits(configuration)
            .AddProxiesAndCors(configuration);
}
