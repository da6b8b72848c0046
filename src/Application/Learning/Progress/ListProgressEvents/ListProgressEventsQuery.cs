using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.ListProgressEvents;

/// <summary>The signed-in learner's progress events on <paramref name="Roadmap"/>, newest first, a page at a time.</summary>
public sealed record ListProgressEventsQuery(string Roadmap, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize)
    : IQuery<Result<PagedList<ProgressEventDto>>>, IPagedRequest;
