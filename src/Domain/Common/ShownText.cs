using System.Globalization;
using System.Text;

namespace Roadmap.Domain.Common;

/// <summary>Rules for text other people are shown (names, titles).</summary>
public static class ShownText
{
    /// <summary>
    /// False when the text holds control characters or bidirectional overrides, which let a name or title disguise
    /// itself or its neighbours on a shared page (a leaderboard, a roadmap) and reach terminals as escape sequences.
    /// </summary>
    public static bool IsPrintable(string? text) =>
        text is null || !text.Any(c => char.IsControl(c)
            || c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

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

    /// <summary>A control or format character, or one not assigned yet: nothing a reader sees (by whole characters, so beyond U+FFFF too).</summary>
    public static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned;
}
