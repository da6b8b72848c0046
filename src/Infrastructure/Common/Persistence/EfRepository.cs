using Ardalis.Specification;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Ardalis-style repository over the shared context. It never saves: the unit of work does, once per command
/// (Ardalis' own <c>RepositoryBase</c> saves on every write, which would break that).
/// </summary>
internal sealed class EfRepository<T>(RoadmapDbContext db, TypeAdapterConfig mappings) : IRepository<T>
    where T : class, IAggregateRoot
{
    private static readonly EfSpecificationEvaluator Evaluator = EfSpecificationEvaluator.Instance;

    public void Add(T aggregate) => db.Set<T>().Add(aggregate);

    public void Remove(T aggregate) => db.Set<T>().Remove(aggregate);

    public Task<int> RemoveAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Evaluator.GetQuery(db.Set<T>(), specification, evaluateCriteriaOnly: true).ExecuteDeleteAsync(cancellationToken);

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(db.Set<T>(), specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) => db.Set<T>().ToListAsync(cancellationToken);

    public async Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var items = await Query(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : [.. specification.PostProcessingAction(items)];
    }

    public async Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        var items = await Evaluator.GetQuery(db.Set<T>(), specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : [.. specification.PostProcessingAction(items)];
    }

    public Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).ProjectToType<TResult>(mappings).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(db.Set<T>(), specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Set<T>().CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(db.Set<T>(), specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<T>().AnyAsync(cancellationToken);

    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).AsAsyncEnumerable();

    private IQueryable<T> Query(ISpecification<T> specification) => Evaluator.GetQuery(db.Set<T>(), specification);
}
