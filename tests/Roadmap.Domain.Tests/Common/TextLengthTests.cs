using FluentAssertions;
using Roadmap.Domain.Common;

namespace Roadmap.Domain.Tests.Common;

public class TextLengthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Ann", 3)]
    [InlineData("Zoë", 3)]
    [InlineData("\U0001F600", 1)] // one emoji, two UTF-16 units
    [InlineData("\U0001F469\u200D\U0001F4BB", 3)] // two emoji and the joiner between them
    [InlineData("\U000E0041", 1)] // a tag character, beyond U+FFFF
    public void Text_is_counted_in_code_points(string text, int characters) =>
        TextLength.InCharacters(text).Should().Be(characters);

    [Fact]
    public void A_limit_counts_an_emoji_once()
    {
        var hundred = string.Concat(Enumerable.Repeat("\U0001F600", 100));

        TextLength.IsAtMost(hundred, 100).Should().BeTrue();
        TextLength.IsAtMost(hundred + "\U0001F600", 100).Should().BeFalse();
        TextLength.IsAtMost(hundred + "x", 100).Should().BeFalse();
        TextLength.IsAtMost(null, 0).Should().BeTrue();
    }

    [Fact]
    public void An_unpaired_surrogate_is_one_character() =>
        TextLength.InCharacters(new string(['\uD800', 'x'])).Should().Be(2);
}
