using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using NetArchTest.Rules;
using Roadmap.Application.Common.Messaging;
using Roadmap.Architecture.Tests.Samples.Api;
using Roadmap.Architecture.Tests.Samples.Handlers;
using Roadmap.Architecture.Tests.Samples.Requests;
using Roadmap.Domain.Common;
using ApplicationSamples = Roadmap.Architecture.Tests.Samples.Application;
using ConfigurationSamples = Roadmap.Architecture.Tests.Samples.Configurations;
using DomainEventSamples = Roadmap.Architecture.Tests.Samples.DomainEvents;
using DomainSamples = Roadmap.Architecture.Tests.Samples.Domain;
using EntitySamples = Roadmap.Architecture.Tests.Samples.Entities;
using InfrastructureSamples = Roadmap.Architecture.Tests.Samples.Infrastructure;

namespace Roadmap.Architecture.Tests;

/// <summary>One NetArchTest sentence: the types it is about, and what they must (not) do.</summary>
public sealed record Clause(PredicateList Types, Func<PredicateList, ConditionList> Must);

/// <summary>What a rule selected and which of those types broke it (NetArchTest's full names, <c>/</c> for nesting).</summary>
public sealed record RuleResult(IReadOnlyList<Type> Selected, IReadOnlyList<string> Failing);

/// <summary>
/// An architecture rule as data: the layer whose real assembly it checks, and its clauses, built for a
/// <see cref="Scope"/> so the same rule runs over the real code and over the samples in
/// <c>Samples.&lt;SampleNamespace&gt;</c>, of which it must flag exactly <see cref="BadSamples"/>.
/// </summary>
public sealed record ArchitectureRule(
    string Name,
    string Layer,
    string SampleNamespace,
    Func<Scope, IReadOnlyList<Clause>> Clauses,
    IReadOnlyList<Type> BadSamples)
{
    public RuleResult Check(Scope scope)
    {
        var clauses = Clauses(scope);
        return new RuleResult(
            [.. clauses.SelectMany(clause => clause.Types.GetTypes()).Distinct()],
            [.. clauses.SelectMany(clause => clause.Must(clause.Types).GetResult().FailingTypeNames ?? []).Distinct()]);
    }

    public override string ToString() => Name;
}

public static class Rules
{
    /// <summary>The layers each layer may use besides itself. Api sits on top and may use them all.</summary>
    private static readonly Dictionary<string, string[]> LayerDependencies = new(StringComparer.Ordinal)
    {
        ["Domain"] = [],
        ["Application"] = ["Domain"],
        ["Infrastructure"] = ["Application", "Domain"],
    };

    /// <summary>Catalog ← Learning ← Insights; Identity stands alone. A module may use only the modules listed for it.</summary>
    private static readonly Dictionary<string, string[]> ModuleDependencies = new(StringComparer.Ordinal)
    {
        ["Catalog"] = [],
        ["Identity"] = [],
        ["Learning"] = ["Catalog"],
        ["Insights"] = ["Learning", "Catalog"],
    };

    /// <summary>
    /// Namespaces any type may depend on whatever the rule: coverlet's tracker, which it calls from every method
    /// it rewrites, and the compiler's <c>&lt;PrivateImplementationDetails&gt;</c> (string switches, constant
    /// arrays). That one sits in the global namespace, which NetArchTest matches only after a leading dot.
    /// </summary>
    private static readonly string[] Tooling = ["Coverlet", ".<PrivateImplementationDetails>"];

    /// <summary>Libraries a layer must not use, each family a rule of its own so a failure names it.</summary>
    private static readonly (string Layer, string Family, string[] Namespaces, Type[] BadSamples)[] ForbiddenLibraries =
    [
        ("Domain", "EF_Core", ["Microsoft.EntityFrameworkCore"],
            [typeof(DomainSamples.DerivesFromDbContext), typeof(DomainSamples.HasAnEfAttribute), typeof(DomainSamples.HasEfCoreInAGenericArgument),
             typeof(DomainSamples.TakesEfCoreAsAParameter), typeof(DomainSamples.UsesEfCoreInALambda), typeof(DomainSamples.ChoosesSqlServer)]),
        ("Domain", "MediatR", ["MediatR"], [typeof(DomainSamples.ImplementsAMediatRInterface)]),
        ("Domain", "Mapster", ["Mapster"], [typeof(DomainSamples.ConfiguresMapster)]),
        ("Domain", "Hangfire", ["Hangfire"], [typeof(DomainSamples.HoldsAJobClient), typeof(DomainSamples.ChoosesAJobStorage)]),
        ("Domain", "Ardalis", ["Ardalis"], [typeof(DomainSamples.IsASpecification)]),
        ("Domain", "System_Text_Json", ["System.Text.Json"], [typeof(DomainSamples.HasJsonAttributes)]),

        ("Application", "Hangfire", ["Hangfire"], [typeof(ApplicationSamples.EnqueuesAJob), typeof(ApplicationSamples.StoresJobsInPostgres)]),
        ("Application", "EF_Core", ["Microsoft.EntityFrameworkCore"],
            [typeof(ApplicationSamples.CallsEfCore), typeof(ApplicationSamples.UsesADbContext), typeof(ApplicationSamples.ChoosesNpgsql)]),
        ("Application", "ASP_NET_Core", ["Microsoft.AspNetCore"], [typeof(ApplicationSamples.ReadsTheHttpContext)]),
        ("Application", "database_drivers", ["Npgsql", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "SQLitePCL"],
            [typeof(ApplicationSamples.OpensASqliteConnection), typeof(ApplicationSamples.OpensANpgsqlConnection),
             typeof(ApplicationSamples.OpensASqlServerConnection), typeof(ApplicationSamples.CallsSqlitePcl)]),
    ];

    /// <summary>
    /// Job storages and EF Core providers belong to Infrastructure alone. They share namespaces with what other
    /// layers may use (<c>UseSqlServerStorage</c> is in <c>Hangfire</c>, <c>UseSqlite</c> in
    /// <c>Microsoft.EntityFrameworkCore</c>), so these rules name every public type of the packages' assemblies.
    /// </summary>
    private static readonly string[] StorageAssemblies =
    [
        "Hangfire.PostgreSql", "Hangfire.SqlServer", "Hangfire.Storage.SQLite",
        "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Npgsql.EntityFrameworkCore.PostgreSQL",
    ];

    private static readonly Lazy<string[]> StorageTypes = new(() =>
    [
        .. StorageAssemblies.SelectMany(name => Assembly.Load(new AssemblyName(name)).GetExportedTypes())
            .Where(type => !type.IsNested)
            .Select(type => type.FullName!),
    ]);

    private static readonly string RequestName = NameEndingWith("(Command|Query)");

    private static readonly string DomainEventName = NameEndingWith("DomainEvent");

    /// <summary>The CLR types EF Core maps in each scope, built once: building a model takes a while.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> MappedTypesByScope = new(StringComparer.Ordinal);

    /// <summary>
    /// Real types that break a rule today and are to be fixed in src. Each must still break it, so a fix
    /// has to shrink this list and nothing new hides behind it.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownViolations = new(StringComparer.Ordinal)
    {
    };

    public static readonly IReadOnlyList<ArchitectureRule> All =
    [
        LayerRule("Domain", typeof(DomainSamples.KnowsTheApplication)),
        LayerRule("Application", typeof(ApplicationSamples.KnowsTheInfrastructure)),
        LayerRule("Infrastructure", typeof(InfrastructureSamples.KnowsTheApi)),

        OnlyRule("Domain_uses_only_the_BCL", "Domain", _ => ["System"],
            typeof(DomainSamples.KnowsTheApplication), typeof(DomainSamples.DerivesFromDbContext), typeof(DomainSamples.ImplementsAMediatRInterface),
            typeof(DomainSamples.HasAnEfAttribute), typeof(DomainSamples.HasEfCoreInAGenericArgument), typeof(DomainSamples.TakesEfCoreAsAParameter),
            typeof(DomainSamples.UsesEfCoreInALambda), typeof(DomainSamples.ConfiguresMapster), typeof(DomainSamples.HoldsAJobClient),
            typeof(DomainSamples.IsASpecification), typeof(DomainSamples.ChoosesAJobStorage), typeof(DomainSamples.ChoosesSqlServer)),

        // By namespace, so Microsoft.Extensions.DependencyInjection and .Logging stand for their abstractions packages.
        OnlyRule("Application_uses_only_Domain_and_its_libraries", "Application",
            scope => ["System", scope.Layer("Domain"), "MediatR", "FluentValidation", "Ardalis.Specification", "Mapster", "MapsterMapper",
                      "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging"],
            typeof(ApplicationSamples.KnowsTheInfrastructure), typeof(ApplicationSamples.CallsEfCore), typeof(ApplicationSamples.UsesADbContext),
            typeof(ApplicationSamples.ReadsTheHttpContext), typeof(ApplicationSamples.OpensASqliteConnection),
            typeof(ApplicationSamples.OpensANpgsqlConnection), typeof(ApplicationSamples.OpensASqlServerConnection),
            typeof(ApplicationSamples.CallsSqlitePcl), typeof(ApplicationSamples.EnqueuesAJob),
            typeof(ApplicationSamples.StoresJobsInPostgres), typeof(ApplicationSamples.ChoosesNpgsql)),

        .. ForbiddenLibraries.Select(row => ForbiddenRule(row.Layer, row.Family, row.Namespaces, row.BadSamples)),

        StorageRule("Domain", typeof(DomainSamples.ChoosesAJobStorage), typeof(DomainSamples.ChoosesSqlServer)),
        StorageRule("Application", typeof(ApplicationSamples.StoresJobsInPostgres), typeof(ApplicationSamples.ChoosesNpgsql)),
        StorageRule("Api", typeof(ConfiguresAJobStorage), typeof(ChoosesSqlite)),

        ModuleRule("Domain", typeof(DomainSamples.Catalog.CatalogTopic)),
        ModuleRule("Application", typeof(ApplicationSamples.Learning.UsesCatalogInternals)),
        ModuleRule("Infrastructure", typeof(InfrastructureSamples.Learning.KnowsTheUsers)),
        ModuleRule("Api", typeof(Samples.Api.Identity.SignInEndpoints), typeof(Samples.Api.Catalog.ShowsInsights)),

        // MediatR 5 handlers implement its interfaces, or derive from AsyncRequestHandler<T> and so list none of their own.
        Rule("Handlers_are_internal_sealed", "Application", "Handlers",
            scope => scope.Types(
                types => types.ImplementInterface(typeof(IRequestHandler<,>)).And().AreNotInterfaces(),
                types => types.ImplementInterface(typeof(INotificationHandler<>)).And().AreNotInterfaces(),
                types => types.Inherit(typeof(AsyncRequestHandler<>))),
            (_, handlers) => handlers.Should().BeSealed().And().NotBePublic(),
            typeof(PublicHandler), typeof(UnsealedNotificationHandler), typeof(UnsealedPingHandler)),

        // Requests, and whatever is named like one, so a misnamed or mis-typed request is not skipped.
        Rule("Requests_are_sealed_records", "Application", "Requests",
            scope => scope.Types(
                types => types.ImplementInterface(typeof(IRequest<>)).And().AreNotInterfaces(),
                types => types.HaveNameMatching(RequestName).And().AreNotInterfaces()),
            (_, requests) => requests.Should().BeSealed().And().MeetCustomRule(new IsRecord()),
            typeof(DoThing), typeof(ListThingsQuery), typeof(RenameThingCommand)),

        Rule("Requests_are_named_Command_or_Query", "Application", "Requests",
            scope => scope.Types(types => types.ImplementInterface(typeof(IRequest<>)).And().AreNotInterfaces()),
            (_, requests) => requests.Should().HaveNameMatching(RequestName),
            typeof(DoThing)),

        Rule("Commands_are_ICommands", "Application", "Requests",
            scope => scope.Types(types => types.HaveNameMatching(NameEndingWith("Command")).And().AreNotInterfaces()),
            (_, commands) => commands.Should().ImplementInterface(typeof(ICommand<>)),
            typeof(DoThingCommand)),

        Rule("Queries_are_IQueries", "Application", "Requests",
            scope => scope.Types(types => types.HaveNameMatching(NameEndingWith("Query")).And().AreNotInterfaces()),
            (_, queries) => queries.Should().ImplementInterface(typeof(IQuery<>)),
            typeof(FindThingQuery)),

        // Entities change only through their methods: private or protected setters, never public ones, init included.
        Rule("Entities_have_no_public_setters", "Domain", "Entities",
            scope => Entities(scope),
            (_, entities) => entities.Should().MeetCustomRule(new HasNoPublicSetters()),
            typeof(EntitySamples.HasAPublicSetter), typeof(EntitySamples.HasAnInitSetter), typeof(EntitySamples.HasAPublicField),
            typeof(EntitySamples.Tag)),

        // EF Core materialises entities through a parameterless constructor that no one else may call.
        Rule("Entities_have_a_private_constructor_for_EF", "Domain", "Entities",
            scope => Entities(scope, concreteOnly: true),
            (_, entities) => entities.Should().MeetCustomRule(new HasAPrivateParameterlessConstructor()),
            typeof(EntitySamples.HasAPublicParameterlessConstructor), typeof(EntitySamples.NeedsArguments), typeof(EntitySamples.Step)),

        // Records with positional or init-only properties pass; a settable property or a writable field does not.
        Rule("Domain_events_are_immutable", "Domain", "DomainEvents",
            scope => DomainEvents(scope),
            (_, events) => events.Should().MeetCustomRule(new IsImmutable()),
            typeof(DomainEventSamples.LessonMovedDomainEvent), typeof(DomainEventSamples.LessonRenamedDomainEvent),
            typeof(DomainEventSamples.LessonCountedDomainEvent)),

        // And whatever is named like one must be one, so a misnamed or unmarked event is not skipped.
        Rule("Domain_events_are_named_DomainEvent", "Domain", "DomainEvents",
            scope => DomainEvents(scope),
            (_, events) => events.Should().ImplementInterface(typeof(IDomainEvent)).And().HaveNameMatching(DomainEventName),
            typeof(DomainEventSamples.LessonRemoved), typeof(DomainEventSamples.LessonRenamedDomainEvent)),

        // One configuration per entity, named after it; the file carries the class's name (that part is review's).
        Rule("EF_configurations_are_named_after_their_one_entity", "Infrastructure", "Configurations",
            scope => scope.Types(types => types.ImplementInterface(typeof(IEntityTypeConfiguration<>)).And().AreNotInterfaces()),
            (_, configurations) => configurations.Should().MeetCustomRule(new IsNamedAfterItsOneEntity()),
            typeof(ConfigurationSamples.LessonMapping), typeof(ConfigurationSamples.CourseConfiguration), typeof(ConfigurationSamples.CatalogConfiguration)),
    ];

    public static ArchitectureRule Named(string name) => All.Single(rule => rule.Name == name);

    public static IReadOnlyCollection<string> RulesWithKnownViolations => KnownViolations.Keys;

    public static IReadOnlyList<string> KnownViolationsOf(ArchitectureRule rule) => KnownViolations.GetValueOrDefault(rule.Name, []);

    /// <summary>
    /// What a module must not use: every module it may not use, in any layer; and of the modules it may use,
    /// whatever sits outside their <c>Contracts</c> namespace, in any layer but the Domain. NetArchTest matches
    /// namespace prefixes and has no "except", so the second part lists the namespaces and types found one level
    /// under <c>&lt;Layer&gt;.&lt;Module&gt;</c> in the codebase, Contracts left out.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenFor(Scope scope, string module)
    {
        var allowed = ModuleDependencies[module];
        var others = ModuleDependencies.Keys.Where(other => other != module && !allowed.Contains(other));
        var declared = scope.Codebase.SelectMany(assembly => assembly.GetTypes()).Where(type => !type.IsNested).ToList();
        return
        [
            .. Scope.Layers.SelectMany(layer => others.Select(other => $"{scope.Layer(layer)}.{other}")),
            .. Scope.Layers.Where(layer => layer != "Domain").SelectMany(layer => allowed.Select(other => $"{scope.Layer(layer)}.{other}"))
                .SelectMany(target => declared.Select(type => ChildOf(target, type)))
                .OfType<string>()
                .Where(child => !child.EndsWith(".Contracts", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary><c>A.B.C</c> for a type in <c>A.B.C.D</c>, or the type itself when it sits right in <c>A.B</c>.</summary>
    private static string? ChildOf(string target, Type type)
    {
        if (type.Namespace == target)
        {
            return type.FullName;
        }

        if (type.Namespace?.StartsWith(target + ".", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var rest = type.Namespace[(target.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return $"{target}.{(dot < 0 ? rest : rest[..dot])}";
    }

    /// <summary>A type name ending in the pattern, generic arity aside: <c>GetThingQuery`1</c> ends in Query.</summary>
    private static string NameEndingWith(string pattern) => $"{pattern}(`[0-9]+)?$";

    private static ArchitectureRule Rule(
        string name, string layer, string sampleNamespace, Func<Scope, PredicateList> select, Func<Scope, PredicateList, ConditionList> must, params Type[] badSamples) =>
        new(name, layer, sampleNamespace, scope => [new Clause(select(scope), types => must(scope, types))], badSamples);

    /// <summary>A layer uses none of the layers above it; Api is on top, so nothing uses it.</summary>
    private static ArchitectureRule LayerRule(string layer, params Type[] badSamples) =>
        Rule($"{layer}_does_not_depend_on_outer_layers", layer, layer,
            scope => scope.Types(),
            (scope, types) => types.ShouldNot().HaveDependencyOnAny([.. Scope.Layers.Except([layer, .. LayerDependencies[layer]]).Select(scope.Layer)]),
            badSamples);

    /// <summary>A layer uses only itself and what is listed (a namespace stands for itself and what is under it).</summary>
    private static ArchitectureRule OnlyRule(string name, string layer, Func<Scope, string[]> allowed, params Type[] badSamples) =>
        new(name, layer, layer,
            scope => [new Clause(scope.Types(), types => types.Should().OnlyHaveDependenciesOn([scope.Layer(layer), .. allowed(scope), .. Tooling]))],
            badSamples);

    private static ArchitectureRule ForbiddenRule(string layer, string family, string[] namespaces, Type[] badSamples) =>
        Rule($"{layer}_does_not_use_{family}", layer, layer,
            scope => scope.Types(),
            (_, types) => types.ShouldNot().HaveDependencyOnAny(namespaces),
            badSamples);

    private static ArchitectureRule StorageRule(string layer, params Type[] badSamples) =>
        Rule($"{layer}_does_not_use_job_storages_or_EF_providers", layer, layer,
            scope => scope.Types(),
            (_, types) => types.ShouldNot().HaveDependencyOnAny(StorageTypes.Value),
            badSamples);

    /// <summary>Within a layer, each module's types use other modules only as <see cref="ForbiddenFor"/> allows.</summary>
    private static ArchitectureRule ModuleRule(string layer, params Type[] badSamples) =>
        new($"{layer}_modules_depend_one_way_through_Contracts", layer, layer,
            scope => [.. ModuleDependencies.Keys.Select(module => new Clause(
                scope.Types(types => types.ResideInNamespace($"{scope.Layer(layer)}.{module}.")),
                types => types.ShouldNot().HaveDependencyOnAny([.. ForbiddenFor(scope, module)])))],
            badSamples);

    /// <summary>
    /// The domain's entities: whatever derives from <see cref="Entity"/>, and whatever else of the scope EF Core maps
    /// (owned types such as a topic's resources), found in the model of the codebase's DbContexts.
    /// </summary>
    private static PredicateList Entities(Scope scope, bool concreteOnly = false)
    {
        var mapped = new HasFullNameIn(MappedTypes(scope));
        return concreteOnly
            ? scope.Types(types => types.Inherit(typeof(Entity)).And().AreNotAbstract(), types => types.MeetCustomRule(mapped).And().AreNotAbstract())
            : scope.Types(types => types.Inherit(typeof(Entity)), types => types.MeetCustomRule(mapped));
    }

    private static PredicateList DomainEvents(Scope scope) =>
        scope.Types(
            types => types.ImplementInterface(typeof(IDomainEvent)).And().AreNotInterfaces(),
            types => types.HaveNameMatching(DomainEventName).And().AreNotInterfaces());

    /// <summary>
    /// The types EF Core maps, in Cecil's spelling, from every concrete DbContext of the codebase (the samples': of
    /// their namespace). The provider does not change which types are mapped, so SQLite builds each model.
    /// </summary>
    private static IReadOnlySet<string> MappedTypes(Scope scope) =>
        MappedTypesByScope.GetOrAdd(scope.Namespace ?? scope.Root, _ => scope.Codebase
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsSubclassOf(typeof(DbContext)) && !type.IsAbstract)
            .Where(type => scope.Namespace is null || $"{type.Namespace}.".StartsWith(scope.Namespace + ".", StringComparison.Ordinal))
            .SelectMany(MappedBy)
            .Select(type => type.FullName!.Replace('+', '/'))
            .ToHashSet(StringComparer.Ordinal));

    private static Type[] MappedBy(Type context)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        using var db = (DbContext)Activator.CreateInstance(context, options.UseSqlite("Data Source=:memory:").Options)!;
        return [.. db.Model.GetEntityTypes().Select(entityType => entityType.ClrType)];
    }

    private sealed class HasFullNameIn(IReadOnlySet<string> fullNames) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => fullNames.Contains(type.FullName);
    }

    /// <summary>NetArchTest 1.3.2 looks at no accessor's visibility; an init accessor is a public setter with a modreq.</summary>
    private sealed class HasNoPublicSetters : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) =>
            type.Properties.All(property => property.SetMethod is not { IsPublic: true }) &&
            type.Fields.All(field => !field.IsPublic || field.IsInitOnly || field.IsLiteral);
    }

    /// <summary>
    /// NetArchTest 1.3.2's <c>BeImmutable</c> takes an init accessor for a setter, so it fails every record.
    /// Immutable: no setter but init, of any visibility, and no field that can be written after construction.
    /// </summary>
    private sealed class IsImmutable : ICustomRule
    {
        private const string InitOnly = "System.Void modreq(System.Runtime.CompilerServices.IsExternalInit)";

        public bool MeetsRule(TypeDefinition type) =>
            type.Properties.All(property => property.SetMethod is null || property.SetMethod.ReturnType.FullName == InitOnly) &&
            type.Fields.All(field => field.IsInitOnly || field.IsLiteral);
    }

    /// <summary>NetArchTest 1.3.2 has no constructor predicate. Protected serves a base class, which cannot have a private one.</summary>
    private sealed class HasAPrivateParameterlessConstructor : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) =>
            type.Methods.Any(method => method.IsConstructor && !method.IsStatic && !method.HasParameters && (method.IsPrivate || method.IsFamily));
    }

    /// <summary>
    /// NetArchTest 1.3.2 cannot compare a type's name with its generic arguments. ASP.NET Core Identity's entities
    /// lose their <c>Identity</c> prefix: <c>IdentityUserRole&lt;Guid&gt;</c> is configured by <c>UserRoleConfiguration</c>.
    /// </summary>
    private sealed class IsNamedAfterItsOneEntity : ICustomRule
    {
        private const string Configuration = "Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1";

        public bool MeetsRule(TypeDefinition type)
        {
            var entities = type.Interfaces
                .Select(implementation => implementation.InterfaceType)
                .OfType<GenericInstanceType>()
                .Where(generic => generic.ElementType.FullName == Configuration)
                .Select(generic => EntityName(generic.GenericArguments[0]))
                .ToList();
            return entities.Count == 1 && type.Name == entities[0] + "Configuration";
        }

        private static string EntityName(TypeReference entity)
        {
            var name = entity.Name.Split('`')[0];
            return name.StartsWith("Identity", StringComparison.Ordinal) && name.Length > "Identity".Length ? name["Identity".Length..] : name;
        }
    }

    /// <summary>NetArchTest 1.3.2 has no record predicate; its custom-rule hook hands over the Cecil type.</summary>
    private sealed class IsRecord : ICustomRule
    {
        // The compiler gives every record class a <Clone>$ method and an EqualityContract property.
        public bool MeetsRule(TypeDefinition type) =>
            type.Methods.Any(method => method.Name == "<Clone>$") || type.Properties.Any(property => property.Name == "EqualityContract");
    }
}
