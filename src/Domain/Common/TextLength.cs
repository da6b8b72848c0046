using System.Diagnostics.CodeAnalysis;

namespace Roadmap.Domain.Common;

/// <summary>
/// The length of text as the API states it: in characters, that is Unicode code points, as JSON Schema's
/// <c>maxLength</c> counts them. An emoji is one character, though a .NET string holds it as two UTF-16 units.
/// </summary>
public static class TextLength
{
    /// <summary>The code points of the text (an unpaired surrogate counts as one).</summary>
    public static int InCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>True when the text has at most <paramref name="max"/> characters; no text has none.</summary>
    public static bool IsAtMost([NotNullWhen(false)] string? text, int max) =>
        text is null || text.Length <= max || InCharacters(text) <= max;
}
