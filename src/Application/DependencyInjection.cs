using System.Reflection;
using FluentValidation;
using Mapster;
using MapsterMapper;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Common.Behaviours;

namespace Roadmap.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5 (registered by hand: 5.1.0 has no DI package), handlers, validators, behaviours and mappings.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Messages name fields as clients know them ("'estimatedMinutes' must be ..."), like the errors' keys.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Order matters: logging wraps validation, which wraps the retry of a lost race, which wraps the transaction.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ConflictRetryBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddImplementationsOf(typeof(IRequestHandler<,>), typeof(INotificationHandler<>));

        // Validators hold no state and depend on nothing; building one (its rules) per request cost more than using it.
        services.AddValidatorsFromAssembly(Assembly.GetExecutingAssembly(), ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddCatalogContracts();

        services.AddMappingsFrom(Assembly.GetExecutingAssembly());
        services.AddSingleton(sp => CreateMappings([.. sp.GetServices<MappingAssembly>().Select(m => m.Assembly)]));
        services.AddSingleton<IMapper>(sp => new Mapper(sp.GetRequiredService<TypeAdapterConfig>()));
        return services;
    }

    /// <summary>Adds the Mapster configurations (<see cref="IRegister"/> classes) of an assembly, e.g. Infrastructure's.</summary>
    public static IServiceCollection AddMappingsFrom(this IServiceCollection services, Assembly assembly) =>
        services.AddSingleton(new MappingAssembly(assembly));

    /// <summary>
    /// Every module's Mapster configuration (its <see cref="IRegister"/> classes). Strict: a destination member
    /// without a source, or a pair of types nobody configured, is an error when the configuration compiles.
    /// </summary>
    public static TypeAdapterConfig CreateMappings(params Assembly[] assemblies)
    {
        var mappings = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        mappings.Scan(assemblies.Length > 0 ? assemblies : [Assembly.GetExecutingAssembly()]);
        return mappings;
    }

    /// <summary>Registers every concrete class of this assembly that implements one of the open generic interfaces.</summary>
    private static void AddImplementationsOf(this IServiceCollection services, params Type[] openInterfaces)
    {
        var types = Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}

/// <summary>An assembly whose <see cref="IRegister"/> classes belong in the service's mapping configuration.</summary>
public sealed record MappingAssembly(Assembly Assembly);
