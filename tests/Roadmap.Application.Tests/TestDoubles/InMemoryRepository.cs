using Roadmap.Application.Common.Ports;
using Roadmap.Application.Common.Specifications;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>A list-backed repository that evaluates specifications in memory (criteria, order, paging, projection).</summary>
internal sealed class InMemoryRepository<T>(params IEnumerable<T> items) : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly List<T> _items = [.. items];

    public IReadOnlyList<T> Items => _items;

    /// <summary>Every specification the code under test asked with, in order.</summary>
    public List<Specification<T>> Specifications { get; } = [];

    public void Add(T aggregate) => _items.Add(aggregate);

    public Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Query(specification).FirstOrDefault());

    public Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).FirstOrDefault());

    public Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Query(specification).ToList());

    public Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).ToList());

    public Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Filter(specification).Count());

    public Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Filter(specification).Any());

    private IEnumerable<T> Filter(Specification<T> specification)
    {
        Specifications.Add(specification);
        return specification.WhereExpressions.Aggregate((IEnumerable<T>)_items, (query, criteria) => query.Where(criteria.Compile()));
    }

    private IEnumerable<T> Query(Specification<T> specification)
    {
        var query = Filter(specification);
        IOrderedEnumerable<T>? ordered = null;
        foreach (var (keySelector, descending) in specification.OrderExpressions)
        {
            var compiled = keySelector.Compile();
            object? Key(T item) => compiled.DynamicInvoke(item);
            ordered = (ordered, descending) switch
            {
                (null, false) => query.OrderBy(Key, Comparer<object?>.Default),
                (null, true) => query.OrderByDescending(Key, Comparer<object?>.Default),
                (_, false) => ordered.ThenBy(Key, Comparer<object?>.Default),
                (_, true) => ordered.ThenByDescending(Key, Comparer<object?>.Default),
            };
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        return specification.Take is { } take ? query.Take(take) : query;
    }

    private IEnumerable<TResult> Project<TResult>(Specification<T, TResult> specification)
    {
        var selector = specification.Selector ?? throw new InvalidOperationException($"{specification.GetType().Name} has no Select.");
        return Query(specification).Select(selector.Compile());
    }
}
