using System.Collections.Concurrent;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Roadmap.Architecture.Tests;

/// <summary>One thing a type must not do: <c>Type → referenced thing</c>.</summary>
public sealed record Violation(string Type, string Target)
{
    public override string ToString() => $"{Type} → {Target}";
}

/// <summary>The types a rule looked at, and what was wrong with them.</summary>
public sealed record RuleResult(IReadOnlyList<TypeDefinition> Selected, IReadOnlyList<Violation> Violations);

/// <summary>Reads assemblies with Mono.Cecil and applies a rule to a set of types.</summary>
public static class Checker
{
    private static readonly DefaultAssemblyResolver Resolver = CreateResolver();
    private static readonly ConcurrentDictionary<string, ModuleDefinition> Modules = new(StringComparer.Ordinal);

    /// <summary>The module of an assembly the test project references, found the way the runtime finds it.</summary>
    public static ModuleDefinition Load(string assemblyName) =>
        Modules.GetOrAdd(assemblyName, name => ModuleDefinition.ReadModule(
            System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(name)).Location,
            new ReaderParameters { AssemblyResolver = Resolver, InMemory = true }));

    /// <summary>Applies a rule to a whole assembly: its types and, for rules about assemblies, its assembly references.</summary>
    public static RuleResult Check(ArchitectureRule rule, ModuleDefinition module)
    {
        var result = Check(rule, module.GetTypes());
        if (rule.MayReference is null)
        {
            return result;
        }

        var badReferences = module.AssemblyReferences
            .Where(reference => !rule.MayReference(reference.Name))
            .Select(reference => new Violation(module.Assembly.Name.Name, $"assembly {reference.Name}"));
        return result with { Violations = [.. badReferences, .. result.Violations] };
    }

    /// <summary>Applies a rule to the given types; works the same on a real assembly and on the bad samples.</summary>
    public static RuleResult Check(ArchitectureRule rule, IEnumerable<TypeDefinition> types)
    {
        var selected = types.Where(IsWrittenByHand).Where(rule.Selects).ToList();
        var violations = selected
            .SelectMany(type => rule.Violations(type).Distinct(StringComparer.Ordinal).Select(target => new Violation(type.FullName, target)))
            .ToList();
        return new RuleResult(selected, violations);
    }

    /// <summary>
    /// Every type a type uses: base type, interfaces, attributes, generic constraints, fields, properties, events,
    /// method signatures, locals, caught exceptions and IL operands, with generic arguments, array elements
    /// and the like unwrapped. Lambdas, iterators and async methods compile to nested compiler-generated
    /// types, so those are walked as part of the type that wrote them.
    /// </summary>
    public static IReadOnlyCollection<TypeReference> References(TypeDefinition type)
    {
        var found = new Dictionary<string, TypeReference>(StringComparer.Ordinal);
        new Walker(found).Type(type);
        return found.Values;
    }

    /// <summary>The name of the assembly a type lives in.</summary>
    public static string AssemblyOf(TypeReference type) => type.Scope switch
    {
        AssemblyNameReference assembly => assembly.Name,
        ModuleDefinition module => module.Assembly.Name.Name,
        _ => type.Module.Assembly.Name.Name,
    };

    /// <summary>The namespace of a type; nested types have none of their own in metadata.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>Whether a type, a base type of it or an interface of those is an instance of the open generic named.</summary>
    public static bool Implements(TypeDefinition type, string openGenericName)
    {
        for (TypeDefinition? current = type; current is not null; current = current.BaseType?.Resolve())
        {
            foreach (var implemented in current.Interfaces.Select(i => i.InterfaceType))
            {
                if (OpenName(implemented) == openGenericName || (implemented.Resolve() is { } definition && Implements(definition, openGenericName)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A type's name without its generic arity: <c>GetThingQuery`1</c> is <c>GetThingQuery</c>.</summary>
    public static string PlainName(TypeReference type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    private static string OpenName(TypeReference type) => type is GenericInstanceType generic ? generic.ElementType.FullName : type.FullName;

    /// <summary>Leaves out what the compiler or coverlet (which rewrites assemblies when coverage is collected) added.</summary>
    private static bool IsWrittenByHand(TypeDefinition type)
    {
        if (type.Name == "<Module>" || IsCoverlet(type))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (IsCompilerGenerated(current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCompilerGenerated(TypeDefinition type) =>
        type.Name.StartsWith('<') ||
        type.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    private static bool IsCoverlet(TypeReference type) =>
        NamespaceOf(type) is var ns && (ns == "Coverlet" || ns.StartsWith("Coverlet.", StringComparison.Ordinal));

    private static DefaultAssemblyResolver CreateResolver()
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return resolver;
    }

    private sealed class Walker(Dictionary<string, TypeReference> found)
    {
        public void Type(TypeDefinition type)
        {
            Add(type.BaseType);
            Attributes(type);
            GenericParameters(type);
            foreach (var implemented in type.Interfaces)
            {
                Add(implemented.InterfaceType);
                Attributes(implemented);
            }

            foreach (var field in type.Fields)
            {
                Add(field.FieldType);
                Attributes(field);
            }

            foreach (var property in type.Properties)
            {
                Add(property.PropertyType);
                Attributes(property);
                Parameters(property.Parameters);
            }

            foreach (var @event in type.Events)
            {
                Add(@event.EventType);
                Attributes(@event);
            }

            foreach (var method in type.Methods)
            {
                Method(method);
            }

            foreach (var nested in type.NestedTypes.Where(IsCompilerGenerated))
            {
                Type(nested);
            }
        }

        private void Method(MethodDefinition method)
        {
            Attributes(method);
            GenericParameters(method);
            Add(method.ReturnType);
            Attributes(method.MethodReturnType);
            Parameters(method.Parameters);
            foreach (var overridden in method.Overrides)
            {
                Member(overridden);
            }

            if (!method.HasBody)
            {
                return;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                Add(handler.CatchType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction.Operand);
            }
        }

        private void Operand(object? operand)
        {
            switch (operand)
            {
                case TypeReference type:
                    Add(type);
                    break;
                case MethodReference method:
                    Member(method);
                    break;
                case FieldReference field:
                    Add(field.DeclaringType);
                    Add(field.FieldType);
                    break;
                case CallSite callSite:
                    Add(callSite.ReturnType);
                    Parameters(callSite.Parameters);
                    break;
            }
        }

        private void Member(MethodReference method)
        {
            if (method is GenericInstanceMethod generic)
            {
                generic.GenericArguments.ToList().ForEach(Add);
                method = generic.ElementMethod;
            }

            Add(method.DeclaringType);
            Add(method.ReturnType);
            Parameters(method.Parameters);
        }

        private void Parameters(IEnumerable<ParameterDefinition> parameters)
        {
            foreach (var parameter in parameters)
            {
                Add(parameter.ParameterType);
                Attributes(parameter);
            }
        }

        private void GenericParameters(IGenericParameterProvider provider)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                Attributes(parameter);
                foreach (var constraint in parameter.Constraints)
                {
                    Add(constraint.ConstraintType);
                    Attributes(constraint);
                }
            }
        }

        private void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments
                    .Concat(attribute.Fields.Select(f => f.Argument))
                    .Concat(attribute.Properties.Select(p => p.Argument)))
                {
                    Argument(argument);
                }
            }
        }

        private void Argument(CustomAttributeArgument argument)
        {
            Add(argument.Type);
            switch (argument.Value)
            {
                case TypeReference type: // typeof(...)
                    Add(type);
                    break;
                case CustomAttributeArgument boxed:
                    Argument(boxed);
                    break;
                case CustomAttributeArgument[] array:
                    Array.ForEach(array, Argument);
                    break;
            }
        }

        /// <summary>Records the named types inside a type: <c>List&lt;Topic&gt;[]</c> is <c>List`1</c> and <c>Topic</c>.</summary>
        private void Add(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case FunctionPointerType pointer:
                    Add(pointer.ReturnType);
                    Parameters(pointer.Parameters);
                    return;
                case IModifierType modified:
                    Add(modified.ModifierType);
                    Add(modified.ElementType);
                    return;
                case TypeSpecification specification: // arrays, by-refs, pointers, pinned
                    Add(specification.ElementType);
                    return;
                default:
                    if (!IsCoverlet(type))
                    {
                        found.TryAdd($"[{AssemblyOf(type)}]{type.FullName}", type);
                    }

                    return;
            }
        }
    }
}
