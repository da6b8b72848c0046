using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateTopicProgress;

/// <summary>
/// Sets the signed-in learner's status on a topic (named by slug, former slug or id) and, when
/// <paramref name="NoteSent"/>, its note (null or empty clears it). With <paramref name="ExpectedVersions"/> the
/// change applies only to the progress at one of those versions (0: nobody wrote it yet). Follows the roadmap if needed.
/// </summary>
public sealed record UpdateTopicProgressCommand(
    string Roadmap,
    string Topic,
    ProgressStatus? Status,
    bool NoteSent = false,
    string? Note = null,
    IReadOnlyCollection<int>? ExpectedVersions = null) : ICommand<Result<TopicProgressUpdateDto>>, IRetryOnConflict;
