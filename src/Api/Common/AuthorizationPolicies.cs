using Roadmap.Domain.Common;

namespace Roadmap.Api.Common;

/// <summary>Who may call what: the named policies endpoints require.</summary>
internal static class AuthorizationPolicies
{
    /// <summary>Authors and Admins: writing the catalog and reading drafts.</summary>
    public const string Author = "Author";

    public const string Admin = "Admin";

    public static IServiceCollection AddAuthorizationPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Author, p => p.RequireRole(Roles.Author, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}
