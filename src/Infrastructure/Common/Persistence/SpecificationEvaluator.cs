using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Specifications;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>Turns a <see cref="Specification{T}"/> into an EF Core query.</summary>
internal static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, Specification<T> specification, bool withPaging = true)
        where T : class
    {
        query = specification.WhereExpressions.Aggregate(query, (q, criteria) => q.Where(criteria));
        if (!withPaging)
        {
            return query;
        }

        query = specification.IncludeExpressions.Aggregate(query, (q, include) => q.Include(include));

        IOrderedQueryable<T>? ordered = null;
        foreach (var (keySelector, descending) in specification.OrderExpressions)
        {
            var method = (ordered, descending) switch
            {
                (null, false) => nameof(Queryable.OrderBy),
                (null, true) => nameof(Queryable.OrderByDescending),
                (_, false) => nameof(Queryable.ThenBy),
                (_, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = (IOrderedQueryable<T>)(ordered ?? query).Provider.CreateQuery<T>(
                System.Linq.Expressions.Expression.Call(
                    typeof(Queryable),
                    method,
                    [typeof(T), keySelector.ReturnType],
                    (ordered ?? query).Expression,
                    System.Linq.Expressions.Expression.Quote(keySelector)));
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> query, Specification<T, TResult> specification)
        where T : class =>
        specification.Selector is { } selector
            ? Apply(query, (Specification<T>)specification).Select(selector)
            : throw new InvalidOperationException($"{specification.GetType().Name} has no Select.");
}
