using System.Linq.Expressions;

namespace Roadmap.Application.Common.Specifications;

/// <summary>
/// A named query over <typeparamref name="T"/>: criteria, includes, order, paging and tracking. A small
/// stand-in for Ardalis.Specification (not installable here) with the same builder style:
/// <c>Query.Where(...).Include(...).OrderBy(...)</c>. Infrastructure evaluates it with EF Core.
/// </summary>
public abstract class Specification<T>
    where T : class
{
    protected Specification() => Query = new SpecificationBuilder<T>(this);

    public List<Expression<Func<T, bool>>> WhereExpressions { get; } = [];

    public List<Expression<Func<T, object?>>> IncludeExpressions { get; } = [];

    public List<(LambdaExpression KeySelector, bool Descending)> OrderExpressions { get; } = [];

    public int? Skip { get; internal set; }

    public int? Take { get; internal set; }

    public bool AsNoTracking { get; internal set; }

    public bool AsSplitQuery { get; internal set; }

    protected SpecificationBuilder<T> Query { get; }
}

/// <summary>A specification that projects each <typeparamref name="T"/> to a <typeparamref name="TResult"/> in the query.</summary>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    public Expression<Func<T, TResult>>? Selector { get; internal set; }

    protected new SpecificationBuilder<T, TResult> Query => new(this);
}

public class SpecificationBuilder<T>(Specification<T> specification)
    where T : class
{
    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        specification.WhereExpressions.Add(criteria);
        return this;
    }

    public SpecificationBuilder<T> Include(Expression<Func<T, object?>> navigation)
    {
        specification.IncludeExpressions.Add(navigation);
        return this;
    }

    public SpecificationBuilder<T> OrderBy<TKey>(Expression<Func<T, TKey>> key)
    {
        specification.OrderExpressions.Add((key, false));
        return this;
    }

    public SpecificationBuilder<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> key)
    {
        specification.OrderExpressions.Add((key, true));
        return this;
    }

    /// <summary>Pages the result; <paramref name="page"/> starts at 1.</summary>
    public SpecificationBuilder<T> Page(int page, int pageSize)
    {
        specification.Skip = (page - 1) * pageSize;
        specification.Take = pageSize;
        return this;
    }

    public SpecificationBuilder<T> AsNoTracking()
    {
        specification.AsNoTracking = true;
        return this;
    }

    public SpecificationBuilder<T> AsSplitQuery()
    {
        specification.AsSplitQuery = true;
        return this;
    }
}

public sealed class SpecificationBuilder<T, TResult>(Specification<T, TResult> specification)
    : SpecificationBuilder<T>(specification)
    where T : class
{
    public SpecificationBuilder<T, TResult> Select(Expression<Func<T, TResult>> selector)
    {
        specification.Selector = selector;
        return this;
    }
}
