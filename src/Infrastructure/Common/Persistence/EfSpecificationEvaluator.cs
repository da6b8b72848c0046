using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Turns an Ardalis specification into an EF Core query. Criteria, order and paging are the package's own
/// evaluators; includes, tracking and split queries are EF Core's and evaluated here, because the package's
/// EF Core adapter is not used (see the README's design-card table).
/// </summary>
internal sealed class EfSpecificationEvaluator : ISpecificationEvaluator
{
    public static EfSpecificationEvaluator Instance { get; } = new();

    private static readonly IEvaluator[] Evaluators =
    [
        WhereEvaluator.Instance,
        IncludeEvaluator.Instance,
        OrderEvaluator.Instance,
        PaginationEvaluator.Instance,
        QueryOptionsEvaluator.Instance,
    ];

    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> query, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var selector = specification.Selector ?? throw new SelectorNotFoundException();
        if (specification.SelectorMany is not null)
        {
            throw new ConcurrentSelectorsException();
        }

        return GetQuery(query, (ISpecification<T>)specification).Select(selector);
    }

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.SearchCriterias.Any() || specification.IncludeStrings.Any())
        {
            // Not used by this project; refused rather than silently ignored.
            throw new NotSupportedException("Search criteria and string includes are not evaluated: use Where and typed Include.");
        }

        foreach (var evaluator in Evaluators.Where(e => !evaluateCriteriaOnly || e.IsCriteriaEvaluator))
        {
            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }

    /// <summary><c>Include</c> and <c>ThenInclude</c>, called with the generic arguments each expression needs.</summary>
    private sealed class IncludeEvaluator : IEvaluator
    {
        public static IncludeEvaluator Instance { get; } = new();

        private static readonly MethodInfo Include = EfMethod(nameof(EntityFrameworkQueryableExtensions.Include), genericArguments: 2, afterCollection: null);
        private static readonly MethodInfo ThenIncludeAfterReference = EfMethod(nameof(EntityFrameworkQueryableExtensions.ThenInclude), genericArguments: 3, afterCollection: false);
        private static readonly MethodInfo ThenIncludeAfterCollection = EfMethod(nameof(EntityFrameworkQueryableExtensions.ThenInclude), genericArguments: 3, afterCollection: true);
        private static readonly ConcurrentDictionary<(Type Entity, Type Property, Type? Previous), MethodInfo> Methods = new();

        public bool IsCriteriaEvaluator => false;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            foreach (var include in specification.IncludeExpressions)
            {
                var lambda = include.LambdaExpression;
                var method = include.Type == IncludeTypeEnum.Include
                    ? Methods.GetOrAdd((typeof(T), lambda.ReturnType, null), key => Include.MakeGenericMethod(key.Entity, key.Property))
                    : Methods.GetOrAdd((typeof(T), lambda.ReturnType, include.PreviousPropertyType), ThenIncludeMethod);
                query = (IQueryable<T>)method.Invoke(null, [query, lambda])!;
            }

            return query;
        }

        private static MethodInfo ThenIncludeMethod((Type Entity, Type Property, Type? Previous) key)
        {
            var previous = key.Previous ?? throw new InvalidOperationException("ThenInclude without a previous include.");
            var element = previous.IsGenericType && previous.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? previous.GenericTypeArguments[0]
                : null;
            return element is null
                ? ThenIncludeAfterReference.MakeGenericMethod(key.Entity, previous, key.Property)
                : ThenIncludeAfterCollection.MakeGenericMethod(key.Entity, element, key.Property);
        }

        private static MethodInfo EfMethod(string name, int genericArguments, bool? afterCollection) =>
            typeof(EntityFrameworkQueryableExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
                m.Name == name
                && m.GetGenericArguments().Length == genericArguments
                && m.GetParameters()[1].ParameterType.IsGenericType
                && m.GetParameters()[1].ParameterType.GetGenericTypeDefinition() == typeof(Expression<>)
                && (afterCollection is not { } collection
                    || (m.GetParameters()[0].ParameterType.GenericTypeArguments[1].IsGenericParameter != collection)));
    }

    /// <summary>Tracking and split queries, as the specification asks.</summary>
    private sealed class QueryOptionsEvaluator : IEvaluator
    {
        public static QueryOptionsEvaluator Instance { get; } = new();

        public bool IsCriteriaEvaluator => false;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            if (specification.AsNoTracking)
            {
                query = query.AsNoTracking();
            }
            else if (specification.AsNoTrackingWithIdentityResolution)
            {
                query = query.AsNoTrackingWithIdentityResolution();
            }
            else if (specification.AsTracking)
            {
                query = query.AsTracking();
            }

            if (specification.AsSplitQuery)
            {
                query = query.AsSplitQuery();
            }

            if (specification.IgnoreQueryFilters)
            {
                query = query.IgnoreQueryFilters();
            }

            return specification.QueryTags.Aggregate(query, (q, tag) => q.TagWith(tag));
        }
    }
}
