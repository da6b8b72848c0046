using System.Collections.Concurrent;
using System.Reflection;
using NetArchTest.Rules;

namespace Roadmap.Architecture.Tests;

/// <summary>
/// Where a rule looks: the real assembly of a layer, or a namespace of samples in this test assembly that stands
/// in for it. Layer names are relative to <see cref="Root"/>, so one rule reads <c>Roadmap.Application</c> in the
/// real code and <c>Roadmap.Architecture.Tests.Samples.Application</c> among the samples.
/// </summary>
public sealed record Scope(Assembly Assembly, string Root, string? Namespace, IReadOnlyList<Assembly> Codebase)
{
    public const string SamplesRoot = "Roadmap.Architecture.Tests.Samples";

    public static readonly IReadOnlyList<string> Layers = ["Domain", "Application", "Infrastructure", "Api"];

    private static readonly ConcurrentDictionary<Assembly, Types> Loaded = new();

    /// <summary>Cecil resolves base types and interfaces from the test output and the shared frameworks.</summary>
    private static readonly string[] SearchDirectories =
    [
        AppContext.BaseDirectory,
        Path.GetDirectoryName(typeof(object).Assembly.Location)!,
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
    ];

    /// <summary>The whole assembly of a layer, <c>Program</c> included, which is why it is not a namespace.</summary>
    public static Scope RealCode(string layer) =>
        new(Load(layer), "Roadmap", Namespace: null, [.. Layers.Select(Load)]);

    public static Scope Samples(string sampleNamespace)
    {
        var tests = typeof(Scope).Assembly;
        return new(tests, SamplesRoot, $"{SamplesRoot}.{sampleNamespace}", [tests]);
    }

    /// <summary>The namespace of a layer in this scope: <c>Roadmap.Domain</c>, or the samples standing in for it.</summary>
    public string Layer(string layer) => $"{Root}.{layer}";

    /// <summary>
    /// The types of the scope that meet any one of the alternatives (each a chain of <c>And</c>ed predicates).
    /// NetArchTest's <c>Or</c> starts a new group from all types, so the scope is applied again in each group.
    /// </summary>
    public PredicateList Types(params Func<Predicates, PredicateList>[] anyOf)
    {
        var types = Loaded.GetOrAdd(Assembly, assembly => NetArchTest.Rules.Types.InAssembly(assembly, SearchDirectories));
        var list = InScope(types.That());
        for (var i = 0; i < anyOf.Length; i++)
        {
            list = anyOf[i](list.And());
            if (i + 1 < anyOf.Length)
            {
                list = InScope(list.Or());
            }
        }

        return list;
    }

    /// <summary>
    /// Samples: their namespace. Real code: every type but what coverlet adds when it rewrites the assembly for
    /// coverage and what the compiler adds at the top level (<c>&lt;PrivateImplementationDetails&gt;</c>);
    /// NetArchTest itself drops nested compiler-generated types and checks them as part of the type that wrote them.
    /// </summary>
    private PredicateList InScope(Predicates types) => Namespace is null
        ? types.DoNotResideInNamespace("Coverlet.").And().DoNotHaveNameStartingWith("<")
        : types.ResideInNamespace(Namespace + ".");

    private static Assembly Load(string layer) => Assembly.Load(new AssemblyName($"Roadmap.{layer}"));
}
