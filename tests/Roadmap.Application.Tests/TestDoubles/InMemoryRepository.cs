using Ardalis.Specification;
using Mapster;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>
/// A list-backed repository. Specifications are evaluated by Ardalis' own in-memory evaluator (criteria, order,
/// paging, projection) and projections by the service's Mapster configuration.
/// </summary>
internal sealed class InMemoryRepository<T>(params IEnumerable<T> items) : IRepository<T>
    where T : class, IAggregateRoot
{
    private static readonly InMemorySpecificationEvaluator Evaluator = InMemorySpecificationEvaluator.Default;
    private readonly List<T> _items = [.. items];

    public IReadOnlyList<T> Items => _items;

    /// <summary>Every specification the code under test asked with, in order.</summary>
    public List<ISpecification<T>> Specifications { get; } = [];

    public void Add(T aggregate) => _items.Add(aggregate);

    public void Remove(T aggregate) => _items.Remove(aggregate);

    public Task<int> RemoveAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(_items.RemoveAll(Criteria(specification).ToHashSet().Contains));

    public Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        Task.FromResult(_items.FirstOrDefault(item => item is Entity entity && Equals(entity.Id, id)));

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).FirstOrDefault());

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).FirstOrDefault());

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).SingleOrDefault());

    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).SingleOrDefault());

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(_items.ToList());

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).ToList());

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).ToList());

    public Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification).Select(item => item.Adapt<TResult>(TestMappings.Config)).ToList());

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Criteria(specification).Count());

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(_items.Count);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Criteria(specification).Any());

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => Task.FromResult(_items.Count > 0);

    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).ToAsyncEnumerable();

    private IEnumerable<T> Query(ISpecification<T> specification)
    {
        Specifications.Add(specification);
        return Evaluator.Evaluate(_items, specification);
    }

    private IEnumerable<TResult> Query<TResult>(ISpecification<T, TResult> specification)
    {
        Specifications.Add(specification);
        return Evaluator.Evaluate(_items, specification);
    }

    /// <summary>Criteria only, as a count ignores paging.</summary>
    private IEnumerable<T> Criteria(ISpecification<T> specification)
    {
        Specifications.Add(specification);
        return specification.WhereExpressions.Aggregate((IEnumerable<T>)_items, (query, criteria) => query.Where(criteria.FilterFunc));
    }
}
