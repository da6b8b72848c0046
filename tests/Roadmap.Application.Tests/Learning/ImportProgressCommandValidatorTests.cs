using FluentAssertions;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Learning;

/// <summary>The field rules of a progress document, run as the service runs them: through the validation behaviour.</summary>
public class ImportProgressCommandValidatorTests
{
    public ImportProgressCommandValidatorTests() => ApplicationDefaults.Apply();

    [Fact]
    public async Task A_valid_document_passes_and_so_does_one_without_topics_or_its_informative_fields()
    {
        (await Validate(Valid())).Handled.Should().BeTrue();
        (await Validate(Valid() with { Topics = [], RoadmapVersion = null, ExportedAt = null })).Handled.Should().BeTrue();
        (await Validate(Valid() with { Topics = [Topic() with { TopicId = null, Note = null }] })).Handled.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("roadmap-progress/2")]
    [InlineData("Roadmap-Progress/1")]
    public async Task Another_format_is_reported_at_format(string format)
    {
        var faults = await Faults(Valid() with { Format = format });

        faults.Keys.Should().Equal("format");
        faults["format"].Single().Should().Contain(ProgressDocument.CurrentFormat);
    }

    [Fact]
    public async Task Each_bad_field_is_reported_at_its_path()
    {
        var faults = await Faults(Valid() with
        {
            Roadmap = "",
            RoadmapVersion = 0,
            Topics =
            [
                Topic() with { Topic = "" },
                Topic() with { Status = null },
                Topic() with { Status = (ProgressStatus)7 },
                Topic() with { Note = new string('n', LearningLimits.NoteMaxLength + 1) },
                Topic() with { UpdatedAt = null },
                Topic() with { TopicId = Guid.Empty },
                Topic() with { Topic = new string('t', 65) },
                null!,
            ],
        });

        faults.Keys.Should().BeEquivalentTo(
            "roadmap", "roadmapVersion", "topics[0].topic", "topics[1].status", "topics[2].status", "topics[3].note",
            "topics[4].updatedAt", "topics[5].topicId", "topics[6].topic", "topics[7]");
    }

    [Fact]
    public async Task A_note_of_the_longest_length_passes()
    {
        (await Validate(Valid() with { Topics = [Topic() with { Note = new string('n', LearningLimits.NoteMaxLength) }] })).Handled.Should().BeTrue();
    }

    [Fact]
    public async Task More_topics_than_a_roadmap_may_have_are_refused_at_topics()
    {
        var topics = Enumerable.Range(0, ImportProgressCommand.MaxTopics + 1).Select(i => Topic() with { Topic = $"t{i}" }).ToList();

        (await Validate(Valid() with { Topics = topics[..ImportProgressCommand.MaxTopics] })).Handled.Should().BeTrue();
        (await Faults(Valid() with { Topics = topics })).Keys.Should().Equal("topics");
    }

    [Fact]
    public async Task No_document_or_no_topics_is_refused()
    {
        (await Faults(null!)).Keys.Should().Equal("document");
        (await Faults(Valid() with { Topics = null })).Keys.Should().Equal("topics");
    }

    private static ProgressDocument Valid() => new()
    {
        Format = ProgressDocument.CurrentFormat,
        Roadmap = "test-roadmap",
        RoadmapVersion = 1,
        ExportedAt = FixedClock.Start,
        Topics = [Topic()],
    };

    private static ProgressTopicDocument Topic() => new()
    {
        TopicId = Guid.NewGuid(), Topic = "a", Status = ProgressStatus.Done, Note = "a note", UpdatedAt = FixedClock.Start,
    };

    private static async Task<IReadOnlyDictionary<string, string[]>> Faults(ProgressDocument document)
    {
        var (result, handled) = await Validate(document);

        handled.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        return result.Error.Details!;
    }

    private static async Task<(Result<ProgressImportResultDto> Result, bool Handled)> Validate(ProgressDocument document)
    {
        var behaviour = new ValidationBehaviour<ImportProgressCommand, Result<ProgressImportResultDto>>([new ImportProgressCommandValidator()]);
        var handled = false;
        var result = await behaviour.Handle(new ImportProgressCommand("test-roadmap", document), TestContext.Current.CancellationToken, () =>
        {
            handled = true;
            return Task.FromResult<Result<ProgressImportResultDto>>(new ProgressImportResultDto(0, 0, []));
        });
        return (result, handled);
    }
}
