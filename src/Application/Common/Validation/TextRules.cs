using FluentValidation;
using FluentValidation.Validators;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Validation;

/// <summary>
/// Length rules in characters, that is Unicode code points (<see cref="TextLength"/>): the unit of the API document's
/// <c>minLength</c>/<c>maxLength</c>, so a text the published schema accepts is not refused for its emoji.
/// FluentValidation's own <c>MaximumLength</c> counts UTF-16 units, two for an emoji: use these for every text limit.
/// </summary>
internal static class TextRules
{
    /// <summary>The end of the message for text that fails <see cref="ShownText.IsPrintable"/>, after what it is ("A title").</summary>
    public const string NoHiddenText =
        "may not contain control characters, line separators or invisible format characters (text-direction marks, zero-width spaces, tags).";

    /// <summary>At most <paramref name="max"/> characters; null passes (a required text says so with its own rule).</summary>
    public static IRuleBuilderOptions<T, string?> MaximumCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.SetValidator(new CharacterLengthValidator<T>(0, max));

    /// <summary><paramref name="min"/> to <paramref name="max"/> characters; null passes.</summary>
    public static IRuleBuilderOptions<T, string?> CharacterLength<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.SetValidator(new CharacterLengthValidator<T>(min, max));
}

/// <summary>FluentValidation's length rule and messages ("You entered N characters"), counting code points.</summary>
internal sealed class CharacterLengthValidator<T>(int min, int max) : PropertyValidator<T, string?>
{
    public override string Name => "CharacterLengthValidator";

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        // No more UTF-16 units than the limit: no more characters either.
        if (value is null || (min == 0 && value.Length <= max))
        {
            return true;
        }

        var count = TextLength.InCharacters(value);
        if (count >= min && count <= max)
        {
            return true;
        }

        context.MessageFormatter.AppendArgument("MinLength", min).AppendArgument("MaxLength", max).AppendArgument("TotalLength", count);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        Localized(errorCode, min == 0 ? "MaximumLengthValidator" : "LengthValidator");
}
