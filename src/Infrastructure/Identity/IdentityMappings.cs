using Mapster;
using MapsterMapper;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// The Identity module's mapping configuration: an account as its owner sees it, with its roles (read separately), and
/// as other modules see a learner (projected in SQL: keep it translatable).
/// </summary>
internal sealed class IdentityMappings : IRegister
{
    private const string RolesParameter = "roles";

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ApplicationUser, UserProfileDto>()
            .Map(d => d.Email, s => s.Email!)
            .Map(d => d.Roles, s => Roles().Order(StringComparer.Ordinal));
        config.NewConfig<ApplicationUser, LearnerProfile>();
    }

    public static UserProfileDto ToProfile(IMapper mapper, ApplicationUser user, IEnumerable<string> roles) =>
        mapper.From(user).AddParameters(RolesParameter, roles).AdaptToType<UserProfileDto>();

    private static IEnumerable<string> Roles() =>
        MapContext.Current?.Parameters.GetValueOrDefault(RolesParameter) as IEnumerable<string>
        ?? throw new InvalidOperationException($"Map accounts with {nameof(ToProfile)}: their roles are missing.");
}
