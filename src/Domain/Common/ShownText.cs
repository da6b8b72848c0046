using System.Globalization;
using System.Text;

namespace Roadmap.Domain.Common;

/// <summary>Rules for text other people are shown (names, titles).</summary>
public static class ShownText
{
    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;
    private const int TagsFirst = 0xE0000;
    private const int TagsLast = 0xE007F;
    private const int BlackFlag = 0x1F3F4;

    /// <summary>
    /// The tags that make a black flag the flag of England, Scotland or Wales (the codes gbeng, gbsct and gbwls in tag
    /// letters, then the cancel tag U+E007F): the only tag sequences drawn as flags of their own. Any other code shows a
    /// plain black flag and could carry hidden text, so it is refused as other tags are.
    /// </summary>
    private static readonly string[] FlagTags = [.. new[] { "gbeng", "gbsct", "gbwls" }.Select(
        code => string.Concat(code.Select(c => char.ConvertFromUtf32(TagsFirst + c))) + char.ConvertFromUtf32(TagsLast))];

    /// <summary>
    /// False when the text holds a character that lets a name or title hide or reorder text on a shared page (a
    /// leaderboard, a roadmap) or reach terminals as an escape sequence: a control character; a line or paragraph
    /// separator (U+2028, U+2029), which breaks the line as "\n" does; or a format character, which shows nothing itself:
    /// text-direction marks and overrides, zero-width spaces (U+200B, U+2060, U+FEFF), the interlinear annotation marks
    /// (U+FFF9–U+FFFB, whose annotation a reader may not be shown), the soft hyphen, and the tag characters
    /// (U+E0000–U+E007F, which spell out text no one sees) but for those of the flags of England, Scotland and Wales (see
    /// <see cref="FlagTags"/>). The zero-width joiner and non-joiner (U+200D, U+200C) stay
    /// allowed: emoji sequences (woman, joiner, laptop: a woman technologist) and scripts such as Persian and the Indic ones need them. Read by whole characters,
    /// so those beyond U+FFFF (the tags) count too.
    /// </summary>
    public static bool IsPrintable(string? text)
    {
        var rest = (text ?? string.Empty).AsSpan();
        while (!rest.IsEmpty)
        {
            // An unpaired surrogate reads as U+FFFD, as EnumerateRunes reads it.
            Rune.DecodeFromUtf16(rest, out var rune, out var used);
            rest = rest[used..];
            if (rune.Value == BlackFlag)
            {
                rest = rest[FlagTagsLength(rest)..];
            }
            else if (HidesOrBreaksText(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length (in UTF-16 units) of the tags of <see cref="FlagTags"/> that the text starts with; 0 for none.</summary>
    private static int FlagTagsLength(ReadOnlySpan<char> text)
    {
        foreach (var tags in FlagTags)
        {
            if (text.StartsWith(tags, StringComparison.Ordinal))
            {
                return tags.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// True when the text shows something: a character that is not white space, a control or format character, a
    /// combining mark (with nothing to combine with, an accent alone), or a letter drawn blank (the Hangul fillers, the
    /// blank Braille pattern). A name or title of zero-width spaces reads as none.
    /// </summary>
    public static bool HasVisibleCharacter(string? text)
    {
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !IsHidden(rune)
                && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HidesOrBreaksText(Rune rune) =>
        rune.Value is not (ZeroWidthNonJoiner or ZeroWidthJoiner)
        && (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            || rune.Value is >= TagsFirst and <= TagsLast); // the whole block, its unassigned code points too

    /// <summary>A control or format character, or one not assigned yet: nothing a reader sees (by whole characters, so beyond U+FFFF too).</summary>
    public static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned;
}
