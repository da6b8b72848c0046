using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Learning.Progress.GetNextTopics;

/// <summary>
/// What the signed-in learner can learn next on <paramref name="Roadmap"/>: live topics neither Done nor Skipped whose
/// prerequisites are all Done or Skipped, in roadmap order (section, then topic), at most <paramref name="Limit"/>.
/// </summary>
public sealed record GetNextTopicsQuery(string Roadmap, int Limit = GetNextTopicsQuery.DefaultLimit) : IQuery<Result<NextTopicsDto>>
{
    public const int DefaultLimit = 5;

    public const int MaxLimit = 50;
}
