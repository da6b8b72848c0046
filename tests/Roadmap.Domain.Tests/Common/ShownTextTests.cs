using FluentAssertions;
using Roadmap.Domain.Common;

namespace Roadmap.Domain.Tests.Common;

public class ShownTextTests
{
    [Theory]
    [InlineData("Ann", true)]
    [InlineData("Zoë", true)]
    [InlineData("\U0001F469\u200D\U0001F4BB dev", true)] // an emoji joined by a zero-width joiner, then a word
    [InlineData("\u200B", false)]
    [InlineData(" \u200B\uFEFF\u2060 ", false)]
    [InlineData("\u3164", false)]
    [InlineData("\u2800\uFFA0", false)]
    [InlineData("\u0301\u0301", false)] // accents with nothing to sit on
    [InlineData("\u20DD", false)] // an enclosing circle alone
    [InlineData("Zoe\u0308", true)]
    [InlineData("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22", true)] // Thai
    [InlineData("\u0928\u092E\u0938\u094D\u0924\u0947", true)] // Devanagari, with its vowel signs
    [InlineData("\u0E31", false)] // a Thai vowel sign alone
    [InlineData("\U000E0041\U000E0042", false)] // tag characters, beyond U+FFFF
    [InlineData("\U0001D173", false)] // a musical format character
    [InlineData("\U000E0100", false)] // a variation selector alone
    [InlineData("\U0001F44D\uFE0F", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_name_or_title_must_show_something(string? name, bool visible) =>
        ShownText.HasVisibleCharacter(name).Should().Be(visible);
}
