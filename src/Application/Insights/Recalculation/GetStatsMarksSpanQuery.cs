using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>When the oldest and the newest stats marks left were written; null when none is left.</summary>
public sealed record GetStatsMarksSpanQuery : IQuery<Result<StatsMarksSpan?>>;

/// <summary>The span of the marks left, as the database holds them (each written with its writer's clock).</summary>
public sealed record StatsMarksSpan(DateTimeOffset Oldest, DateTimeOffset Newest);

internal sealed class GetStatsMarksSpanQueryHandler(IReadRepository<StatsMark> marks)
    : IRequestHandler<GetStatsMarksSpanQuery, Result<StatsMarksSpan?>>
{
    public async Task<Result<StatsMarksSpan?>> Handle(GetStatsMarksSpanQuery request, CancellationToken cancellationToken)
    {
        var oldest = await marks.FirstOrDefaultAsync(new StatsMarkTimeSpec(newest: false), cancellationToken);
        var newest = await marks.FirstOrDefaultAsync(new StatsMarkTimeSpec(newest: true), cancellationToken);
        return oldest is { } from && newest is { } to ? new StatsMarksSpan(from, to) : null;
    }
}
