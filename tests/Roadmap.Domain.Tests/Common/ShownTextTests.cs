using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
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

    [Theory]
    [InlineData("Ann")]
    [InlineData("Zo\u00EB")]
    [InlineData("\u0928\u092E\u0938\u094D\u0924\u0947")] // Devanagari
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")] // Persian, with the zero-width non-joiner it is written with
    [InlineData("\U0001F469\u200D\U0001F4BB dev")] // an emoji sequence joined by a zero-width joiner
    [InlineData("\U0001F44D\uFE0F \U0001F44B\U0001F3FD")] // a variation selector, a skin tone
    [InlineData("Caf\u00E9 \u00BD \u2603")]
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F England")] // a flag spelled with tags
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F")] // Scotland, Wales
    [InlineData("\U0001F3F4 \U0001F3F4\u200D\u2620\uFE0F")] // a black flag alone, and the pirate flag
    [InlineData("")]
    [InlineData(null)]
    public void A_name_or_title_may_hold_any_script_and_emoji(string? text) =>
        ShownText.IsPrintable(text).Should().BeTrue();

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u001b[31mred")] // a terminal escape sequence
    [InlineData("a\nb")]
    [InlineData("a\u0085b")] // next line, a C1 control
    [InlineData("abc\u202Egpj.exe")] // a right-to-left override
    [InlineData("a\u2066b\u2069")] // an isolate
    [InlineData("a\u200Fb")] // a right-to-left mark
    [InlineData("a\u061Cb")] // the Arabic letter mark
    [InlineData("x\U000E0041y")] // a tag character, beyond U+FFFF
    [InlineData("\U0001F3F4\U000E0075\U000E0073\U000E0063\U000E0061\U000E007F")] // another code (us-ca): a plain black flag, tags hidden
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E007F")] // a part of England's tags
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E0068\U000E0069\U000E007F")] // more than England's tags
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067")] // no cancel tag at the end
    [InlineData("\U0001F3F4\U000E0047\U000E0042\U000E0045\U000E004E\U000E0047\U000E007F")] // capital tag letters
    [InlineData("\U0001F3F4\U000E0067\U000E0020\U000E0065\U000E007F")] // a tag space
    [InlineData("\U0001F600\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F")] // tags after another emoji
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F\U000E0041")] // a tag after the flag
    [InlineData("\U0001F3F4\U000E007F")] // a cancel tag alone
    [InlineData("x\U000E0000y")] // an unassigned code point of the tag block
    [InlineData("a\uFEFFb")] // a zero-width no-break space (byte order mark)
    [InlineData("a\uFFF9b\uFFFAhidden\uFFFB")] // an interlinear annotation
    [InlineData("a\u2028b")] // a line separator: a line break like "\n"
    [InlineData("a\u2029b")] // a paragraph separator
    [InlineData("a\u200Bb")] // a zero-width space
    [InlineData("a\u2060b")] // a word joiner
    [InlineData("a\u00ADb")] // a soft hyphen
    [InlineData("a\u2062b")] // an invisible times
    [InlineData("a\U0001D173b")] // a musical format character, beyond U+FFFF
    public void A_name_or_title_may_not_hide_reorder_or_break_text(string text) =>
        ShownText.IsPrintable(text).Should().BeFalse();

    /// <summary>
    /// The roadmap document's JSON Schema (docs/roadmap-document.schema.json) tells editors which titles the importer
    /// takes: its pattern must refuse exactly the characters up to U+FFFF that a title may not hold (those beyond it it
    /// cannot name in every dialect; its description says so).
    /// </summary>
    [Fact]
    public void The_document_schemas_title_pattern_refuses_the_same_characters()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "roadmap-document.schema.json")));
        var pattern = new Regex(schema.RootElement.GetProperty("$defs").GetProperty("title").GetProperty("pattern").GetString()!, RegexOptions.None, TimeSpan.FromSeconds(5));

        var disagreeing = Enumerable.Range(0, 0x10000)
            .Where(c => c is < 0xD800 or > 0xDFFF)
            .Where(c => pattern.IsMatch($"a{(char)c}b") != ShownText.IsPrintable($"a{(char)c}b"))
            .Select(c => c.ToString("X4", CultureInfo.InvariantCulture));

        disagreeing.Should().BeEmpty();
    }
}
