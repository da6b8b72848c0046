using System.Globalization;

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
    public static bool HasVisibleCharacter(string? text) =>
        text is not null && text.Any(c => !char.IsWhiteSpace(c)
            && char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            && c is not ('ᅟ' or 'ᅠ' or 'ㅤ' or 'ﾠ' or '⠀'));
}
