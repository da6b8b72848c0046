using System.Text.Json;
using FluentAssertions;
using Roadmap.Api.Learning;
using Roadmap.Application.Common.Serialization;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Learning.Progress.UpdateProgressBatch;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Learning;

namespace Roadmap.Api.Tests.Learning;

/// <summary>
/// The body limits of the progress import and batch fit the largest bodies the rules allow: every note of the longest
/// length in characters beyond U+FFFF (emoji), which the JSON writer escapes as two <c>\uXXXX</c> each, 12 bytes a character.
/// </summary>
public sealed class ProgressBodyLimitsTests
{
    private static readonly string LongestNote = string.Concat(Enumerable.Repeat("\U0001F600", LearningLimits.NoteMaxLength));

    private static readonly string LongestSlug = new('t', CatalogLimits.SlugMaxLength);

    [Fact]
    public void The_largest_export_imports()
    {
        var document = new ProgressDocument
        {
            Format = ProgressDocument.CurrentFormat,
            Roadmap = LongestSlug,
            RoadmapVersion = int.MaxValue,
            ExportedAt = DateTimeOffset.UtcNow,
            Topics = [.. Enumerable.Range(0, ImportProgressCommand.MaxTopics).Select(_ => new ProgressTopicDocument
            {
                TopicId = Guid.NewGuid(), Topic = LongestSlug, Status = ProgressStatus.InProgress, Note = LongestNote, UpdatedAt = DateTimeOffset.UtcNow,
            })],
        };

        JsonSerializer.SerializeToUtf8Bytes(document, JsonDefaults.Options).LongLength.Should().BeLessThanOrEqualTo(ProgressEndpoints.ImportSizeLimit);
    }

    [Fact]
    public void The_largest_batch_is_accepted()
    {
        var batch = new ProgressBatchRequest
        {
            Items = [.. Enumerable.Range(0, UpdateProgressBatchCommand.MaxItems).Select(_ => new ProgressBatchRequestItem
            {
                Topic = LongestSlug, Status = ProgressStatus.InProgress, Note = LongestNote,
            })],
        };

        JsonSerializer.SerializeToUtf8Bytes(batch, JsonDefaults.Options).LongLength.Should().BeLessThanOrEqualTo(ProgressEndpoints.BatchSizeLimit);
    }
}
