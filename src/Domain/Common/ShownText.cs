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
}
