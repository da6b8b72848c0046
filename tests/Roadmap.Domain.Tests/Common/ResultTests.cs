using FluentAssertions;
using Roadmap.Domain.Common;

namespace Roadmap.Domain.Tests.Common;

public class ResultTests
{
    private static readonly Error SomeError = Error.NotFound("thing.not_found", "No thing.");

    [Fact]
    public void A_success_has_its_value_and_no_error()
    {
        Result<int> result = 42;

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().Be(42);
        result.Error.Should().BeNull();
    }

    [Fact]
    public void A_failure_has_its_error()
    {
        Result<int> result = SomeError;

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(SomeError);
    }

    [Fact]
    public void Reading_the_value_of_a_failure_throws_with_the_error_code()
    {
        var result = Result<string>.Failure(SomeError);

        var read = () => result.Value;

        read.Should().Throw<InvalidOperationException>().WithMessage("*thing.not_found*");
    }

    [Fact]
    public void A_result_without_a_value_succeeds_or_fails()
    {
        Result.Success().IsSuccess.Should().BeTrue();
        Result.Success().Error.Should().BeNull();

        Result failure = SomeError;
        failure.IsSuccess.Should().BeFalse();
        failure.Error.Should().Be(SomeError);
    }

    [Fact]
    public void Error_factories_set_the_type()
    {
        Error.NotFound("c", "m").Type.Should().Be(ErrorType.NotFound);
        Error.Conflict("c", "m").Type.Should().Be(ErrorType.Conflict);
        Error.Forbidden("c", "m").Type.Should().Be(ErrorType.Forbidden);
        Error.PreconditionFailed("c", "m").Type.Should().Be(ErrorType.PreconditionFailed);
        Error.Validation("c", "m", null).Type.Should().Be(ErrorType.Validation);
    }

    [Fact]
    public void A_field_validation_error_carries_its_message_under_the_field()
    {
        var error = Error.Validation("slug", "A slug is kebab-case.");

        error.Type.Should().Be(ErrorType.Validation);
        error.Code.Should().Be("validation");
        error.Message.Should().Be("A slug is kebab-case.");
        error.Details.Should().ContainKey("slug").WhoseValue.Should().Equal("A slug is kebab-case.");
    }

    [Fact]
    public void An_error_reads_on_one_line_with_each_fields_messages()
    {
        Error.InvalidFields(new Dictionary<string, string[]> { ["password"] = ["Too short.", "No digit."], ["email"] = ["Taken."] }).ToLine()
            .Should().Be($"{Error.InvalidFieldsMessage}; password: Too short.; password: No digit.; email: Taken.");
        Error.NotFound("x", "Not here.").ToLine().Should().Be("Not here.");
    }

    [Fact]
    public void An_instant_is_stored_in_UTC_and_whole_milliseconds()
    {
        new DateTimeOffset(2026, 12, 4, 17, 30, 0, TimeSpan.FromHours(2)).AddTicks(12_345_678).ToStored()
            .Should().Be(new DateTimeOffset(2026, 12, 4, 15, 30, 1, 234, TimeSpan.Zero));
    }
}
