using System.Buffers;
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
    private const int CancelTag = 0xE007F;

    /// <summary>
    /// False when the text holds a character that lets a name or title hide or reorder text on a shared page (a
    /// leaderboard, a roadmap) or reach terminals as an escape sequence: a control character; a line or paragraph
    /// separator (U+2028, U+2029), which breaks the line as "\n" does; or a format character, which shows nothing itself:
    /// text-direction marks and overrides, zero-width spaces (U+200B, U+2060, U+FEFF), the interlinear annotation marks
    /// (U+FFF9–U+FFFB, whose annotation a reader may not be shown), the soft hyphen, and the tag characters
    /// (U+E0000–U+E007F, which spell out text no one sees) but for the few that draw the flag of a country's part (see
    /// <see cref="SubdivisionFlagTags"/>). The zero-width joiner and non-joiner (U+200D, U+200C) stay
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
                rest = rest[SubdivisionFlagTags(rest)..];
            }
            else if (HidesOrBreaksText(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The length (in UTF-16 units) of the tags after a black flag that make it the flag of a country's part, as England's
    /// (🏴 then the tags g b e n g and the cancel tag), Scotland's and Wales's are written: 3 to 6 tag letters (lower case)
    /// or digits, as subdivision codes are, then the cancel tag. 0 when the tags that follow are not such a code: they
    /// are refused as any other tag, and a flag cannot carry a hidden message longer than a code.
    /// </summary>
    private static int SubdivisionFlagTags(ReadOnlySpan<char> text)
    {
        var length = 0;
        for (var tags = 0; tags <= 6; tags++)
        {
            if (Rune.DecodeFromUtf16(text[length..], out var rune, out var used) != OperationStatus.Done)
            {
                return 0;
            }

            length += used;
            if (rune.Value == CancelTag)
            {
                return tags >= 3 ? length : 0;
            }

            if (rune.Value is not ((>= 0xE0030 and <= 0xE0039) or (>= 0xE0061 and <= 0xE007A)))
            {
                return 0;
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
