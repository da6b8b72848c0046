using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateTopicProgress;

/// <summary>
/// Sets the signed-in learner's status on a topic (named by slug, former slug or id) and, when
/// <paramref name="NoteSent"/>, its note (null or empty clears it). With <paramref name="ExpectedVersion"/> the
/// change applies only to that version of the progress (0: nobody wrote it yet). Follows the roadmap if needed.
/// </summary>
public sealed record UpdateTopicProgressCommand(
    string Roadmap,
    string Topic,
    ProgressStatus? Status,
    bool NoteSent = false,
    string? Note = null,
    int? ExpectedVersion = null) : ICommand<Result<TopicProgressUpdateDto>>, IRetryOnConflict;
