using FluentValidation;

namespace Roadmap.Application.Common.Paging;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

/// <summary>A paged request: <c>page</c> from 1, <c>pageSize</c> from 1 to <see cref="MaxPageSize"/>.</summary>
public interface IPagedRequest
{
    const int DefaultPageSize = 20;
    const int MaxPageSize = 100;

    /// <summary>Keeps the row offset, (page − 1) × pageSize, inside an int.</summary>
    const int MaxPage = int.MaxValue / MaxPageSize;

    int Page { get; }

    int PageSize { get; }
}

public static class PagingRules
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedRequest
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(r => r.Page).InclusiveBetween(1, IPagedRequest.MaxPage);
        validator.RuleFor(r => r.PageSize).InclusiveBetween(1, IPagedRequest.MaxPageSize);
    }
}
