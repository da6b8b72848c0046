using Mono.Cecil;

namespace Roadmap.Architecture.Tests;

/// <summary>
/// An architecture rule as data: the real assembly it scans, which of its types it is about, and what is wrong
/// with one such type. <see cref="SampleNamespace"/> (under <c>Roadmap.Architecture.Tests.Samples</c>) holds types the rule must flag,
/// exactly <see cref="BadSamples"/>, so a rule that can never fail is caught.
/// </summary>
public sealed record ArchitectureRule(
    string Name,
    string Assembly,
    Func<TypeDefinition, bool> Selects,
    Func<TypeDefinition, IEnumerable<string>> Violations,
    string SampleNamespace,
    IReadOnlyList<Type> BadSamples)
{
    /// <summary>Set on rules about assemblies: which assemblies (by name) the scanned one may reference at all.</summary>
    public Func<string, bool>? MayReference { get; init; }

    public override string ToString() => Name;
}

/// <summary>Where a namespace sits: <c>Roadmap.&lt;Layer&gt;.&lt;Module&gt;</c>, and whether under the module's <c>Contracts</c>.</summary>
public sealed record ModulePlace(string Layer, string Module, bool InContracts);

public static class Rules
{
    private const string Domain = "Roadmap.Domain";
    private const string Application = "Roadmap.Application";
    private const string Infrastructure = "Roadmap.Infrastructure";
    private const string Api = "Roadmap.Api";

    private static readonly string[] Layers = ["Domain", "Application", "Infrastructure", "Api"];

    /// <summary>Catalog ← Learning ← Insights; Identity stands alone. A module may use only the modules listed for it.</summary>
    private static readonly Dictionary<string, string[]> ModuleDependencies = new(StringComparer.Ordinal)
    {
        ["Catalog"] = [],
        ["Identity"] = [],
        ["Learning"] = ["Catalog"],
        ["Insights"] = ["Learning", "Catalog"],
    };

    public static readonly IReadOnlyList<ArchitectureRule> All =
    [
        AssemblyRule("Domain_references_only_the_BCL", Domain, IsBcl, "Domain",
            typeof(Samples.Domain.DerivesFromDbContext), typeof(Samples.Domain.ImplementsAMediatRInterface),
            typeof(Samples.Domain.HasAnEfAttribute), typeof(Samples.Domain.HasEfCoreInAGenericArgument),
            typeof(Samples.Domain.TakesEfCoreAsAParameter), typeof(Samples.Domain.UsesEfCoreInALambda)),

        // EF Core, ASP.NET Core, Quartz, Npgsql and SQLite are all outside this list.
        AssemblyRule("Application_references_only_Domain_and_abstractions", Application,
            name => IsBcl(name) || name is Domain or "MediatR" or "FluentValidation" || IsExtensionsAbstractions(name), "Application",
            typeof(Samples.Application.CallsEfCore), typeof(Samples.Application.ReadsTheHttpContext), typeof(Samples.Application.OpensASqliteConnection)),

        AssemblyRule("Infrastructure_does_not_reference_the_Api", Infrastructure, name => name != Api, "Infrastructure",
            typeof(Samples.Infrastructure.KnowsTheApi)),

        ModuleRule("Domain", typeof(Samples.Domain.Catalog.CatalogTopic)),
        ModuleRule("Application", typeof(Samples.Application.Learning.UsesCatalogInternals)),
        ModuleRule("Infrastructure", typeof(Samples.Infrastructure.Learning.KnowsTheUsers)),
        ModuleRule("Api", typeof(Samples.Api.Identity.SignInEndpoints), typeof(Samples.Api.Catalog.ShowsInsights)),

        new("Handlers_are_internal_sealed", Application, IsHandler, HandlerProblems, "Handlers",
            [typeof(Samples.Handlers.PublicHandler), typeof(Samples.Handlers.UnsealedNotificationHandler)]),

        new("Requests_are_sealed_records_named_Command_or_Query", Application, IsRequest, RequestProblems, "Requests",
            [typeof(Samples.Requests.DoThing), typeof(Samples.Requests.DoThingCommand), typeof(Samples.Requests.ListThingsQuery)]),
    ];

    public static ArchitectureRule Named(string name) => All.Single(rule => rule.Name == name);

    /// <summary>Reads <c>Roadmap.&lt;Layer&gt;.&lt;Module&gt;...</c>, from the first layer segment (the samples sit deeper).</summary>
    public static ModulePlace? PlaceOf(TypeReference type)
    {
        var segments = Checker.NamespaceOf(type).Split('.');
        var layer = Array.FindIndex(segments, segment => Layers.Contains(segment));
        if (segments[0] != "Roadmap" || layer < 0 || layer + 1 >= segments.Length || !ModuleDependencies.ContainsKey(segments[layer + 1]))
        {
            return null;
        }

        return new ModulePlace(segments[layer], segments[layer + 1], layer + 2 < segments.Length && segments[layer + 2] == "Contracts");
    }

    private static bool IsBcl(string assembly) =>
        assembly is "netstandard" or "mscorlib" or "System" ||
        assembly.StartsWith("System.", StringComparison.Ordinal) ||
        assembly.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    private static bool IsExtensionsAbstractions(string assembly) =>
        assembly.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && assembly.EndsWith(".Abstractions", StringComparison.Ordinal);

    /// <summary>Every type of the assembly may use, besides its own assembly, only the assemblies allowed.</summary>
    private static ArchitectureRule AssemblyRule(string name, string assembly, Func<string, bool> mayReference, string sample, params Type[] badSamples) =>
        new(name, assembly, _ => true,
            type => Checker.References(type)
                .Where(used => Checker.AssemblyOf(used) is var usedAssembly && usedAssembly != Checker.AssemblyOf(type) && !mayReference(usedAssembly))
                .Select(used => $"{used.FullName} in {Checker.AssemblyOf(used)}"),
            sample, badSamples)
        {
            MayReference = mayReference,
        };

    /// <summary>
    /// A module's types in one layer use another module only if the direction allows it, and then only that
    /// module's <c>Contracts</c> namespace (in any layer) or its domain (<c>Roadmap.Domain.&lt;Module&gt;</c>).
    /// </summary>
    private static ArchitectureRule ModuleRule(string layer, params Type[] badSamples) =>
        new($"{layer}_modules_depend_one_way_through_Contracts", $"Roadmap.{layer}",
            type => PlaceOf(type) is { } place && place.Layer == layer,
            type => Checker.References(type)
                .Where(used => PlaceOf(used) is { } target && !MayUse(PlaceOf(type)!, target))
                .Select(used => used.FullName),
            layer, badSamples);

    private static bool MayUse(ModulePlace from, ModulePlace to) =>
        from.Module == to.Module ||
        (ModuleDependencies[from.Module].Contains(to.Module) && (to.InContracts || to.Layer == "Domain"));

    private static bool IsHandler(TypeDefinition type) =>
        !type.IsInterface &&
        (Checker.Implements(type, "MediatR.IRequestHandler`2") || Checker.Implements(type, "MediatR.INotificationHandler`1"));

    private static IEnumerable<string> HandlerProblems(TypeDefinition handler)
    {
        if (handler.IsPublic || handler.IsNestedPublic)
        {
            yield return "is public, must be internal";
        }

        if (!handler.IsSealed)
        {
            yield return "is not sealed";
        }
    }

    /// <summary>Requests, and whatever is named like one, so a misnamed or mis-typed request is not skipped.</summary>
    private static bool IsRequest(TypeDefinition type) =>
        !type.IsInterface &&
        (Checker.Implements(type, "MediatR.IRequest`1") || IsNamed(type, "Command") || IsNamed(type, "Query"));

    private static IEnumerable<string> RequestProblems(TypeDefinition request)
    {
        // The compiler gives every record class a <Clone>$ method and an EqualityContract property.
        if (!request.Methods.Any(m => m.Name == "<Clone>$") && !request.Properties.Any(p => p.Name == "EqualityContract"))
        {
            yield return "is not a record";
        }

        if (!request.IsSealed)
        {
            yield return "is not sealed";
        }

        if (IsNamed(request, "Command"))
        {
            if (!Checker.Implements(request, "Roadmap.Application.Common.Messaging.ICommand`1"))
            {
                yield return "is named *Command but does not implement ICommand<T>";
            }
        }
        else if (IsNamed(request, "Query"))
        {
            if (!Checker.Implements(request, "Roadmap.Application.Common.Messaging.IQuery`1"))
            {
                yield return "is named *Query but does not implement IQuery<T>";
            }
        }
        else
        {
            yield return "is named neither *Command nor *Query";
        }
    }

    private static bool IsNamed(TypeDefinition type, string suffix) => Checker.PlainName(type).EndsWith(suffix, StringComparison.Ordinal);
}
