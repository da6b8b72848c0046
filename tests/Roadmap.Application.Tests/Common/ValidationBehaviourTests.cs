using FluentAssertions;
using FluentValidation;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

public class ValidationBehaviourTests
{
    private static readonly InlineValidator<RenameThingCommand> NameRequired = new()
    {
        v => v.RuleFor(c => c.Name).NotEmpty().WithMessage("A name is required."),
    };

    private static readonly InlineValidator<RenameThingCommand> SizeAndName = new()
    {
        v => v.RuleFor(c => c.Size).GreaterThan(0).WithMessage("The size is positive."),
        v => v.RuleFor(c => c.Name).NotEmpty().WithMessage("A name is required."),
        v => v.RuleFor(c => c.Name).MaximumLength(3).WithMessage("A name is short."),
    };

    [Fact]
    public async Task An_invalid_request_fails_with_a_validation_error_and_never_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<RenameThingCommand, Result<int>>([NameRequired]);
        var handled = false;

        var result = await behaviour.Handle(new RenameThingCommand(""), TestContext.Current.CancellationToken, () =>
        {
            handled = true;
            return Task.FromResult<Result<int>>(1);
        });

        handled.Should().BeFalse();
        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        result.Error.Code.Should().Be("validation");
        result.Error.Details.Should().ContainKey("name").WhoseValue.Should().Equal("A name is required.");
    }

    [Fact]
    public async Task A_valid_request_gets_the_handlers_response()
    {
        var behaviour = new ValidationBehaviour<RenameThingCommand, Result<int>>([NameRequired]);
        Result<int> response = 42;

        var result = await behaviour.Handle(new RenameThingCommand("ok"), TestContext.Current.CancellationToken, () => Task.FromResult(response));

        result.Should().BeSameAs(response);
    }

    [Fact]
    public async Task A_request_without_validators_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<GetThingQuery, Result<string>>([]);

        var result = await behaviour.Handle(new GetThingQuery(""), TestContext.Current.CancellationToken, () => Task.FromResult<Result<string>>("found"));

        result.Value.Should().Be("found");
    }

    [Fact]
    public async Task The_failures_of_every_validator_are_grouped_by_field_without_repeats()
    {
        var behaviour = new ValidationBehaviour<RenameThingCommand, Result<int>>([NameRequired, SizeAndName]);

        var result = await behaviour.Handle(new RenameThingCommand("", Size: 0), TestContext.Current.CancellationToken, () => Task.FromResult<Result<int>>(1));

        result.Error!.Details.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["name"] = ["A name is required."],
            ["size"] = ["The size is positive."],
        });
    }

    [Fact]
    public async Task A_request_answered_by_a_plain_result_fails_the_same_way()
    {
        var validator = new InlineValidator<DeleteThingCommand> { v => v.RuleFor(c => c.Name).NotEmpty() };
        var behaviour = new ValidationBehaviour<DeleteThingCommand, Result>([validator]);

        var result = await behaviour.Handle(new DeleteThingCommand(""), TestContext.Current.CancellationToken, () => Task.FromResult(Result.Success()));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        result.Error.Details!.Keys.Should().Equal("name");
    }

    [Theory]
    [InlineData("Document.Sections[0].Topics[1].EstimatedMinutes", "sections[0].topics[1].estimatedMinutes")]
    [InlineData("Document.Sections[1].Topics[0].Resources[0].Url", "sections[1].topics[0].resources[0].url")]
    [InlineData("Document.Slug", "slug")]
    [InlineData("Document", "document")]
    [InlineData("PageSize", "pageSize")]
    [InlineData("Sections[2]", "sections[2]")]
    [InlineData("Documents.Title", "documents.title")]
    [InlineData("Owner.Document.Title", "owner.document.title")]
    [InlineData("", "")]
    public void Property_names_become_camel_case_json_paths_without_the_document_wrapper(string propertyName, string jsonPath)
    {
        ValidationBehaviour<RenameThingCommand, Result<int>>.ToJsonPath(propertyName).Should().Be(jsonPath);
    }
}
