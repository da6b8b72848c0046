using Microsoft.Net.Http.Headers;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Common;

/// <summary>
/// Entity tags (<c>ETag</c>, <c>If-None-Match</c>, <c>If-Match</c>), made here of what the application returns — a
/// resource's name and its revision — so that no header reaches the application.
/// </summary>
internal static class EntityTags
{
    /// <summary>The strong tag of revision <paramref name="revision"/> of the resource named <paramref name="name"/> (e.g. a roadmap's slug).</summary>
    public static string For(string name, int revision) => $"\"{name}.{revision}\"";

    /// <summary>The strong tag of a resource tagged by its version alone: <c>"3"</c> (an untouched topic's progress is <c>"0"</c>).</summary>
    public static string ForVersion(int version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Whether an <c>If-None-Match</c> (<paramref name="weak"/>: weak tags match too) or <c>If-Match</c> (strong
    /// comparison only) value — a list of tags or <c>*</c> — names <paramref name="etag"/>.
    /// </summary>
    public static bool Matches(string header, string etag, bool weak) =>
        header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || (weak && t == "W/" + etag));

    /// <summary>
    /// What an <c>If-Match</c> header asks of the resource <paramref name="name"/>: nothing (no header), that it exists
    /// (<c>*</c>), or that it is at one of the revisions its tags name (RFC 9110: any tag of the list may match). Tags
    /// that name no revision of this resource (another resource's, weak or malformed ones) match nothing; a header of
    /// only such tags can never hold: <see cref="IfMatch.Impossible"/>.
    /// </summary>
    public static IfMatch ParseIfMatch(HttpRequest request, string name) => ParseIfMatchTags(request, $"\"{name}.");

    /// <summary>
    /// <see cref="ParseIfMatch(HttpRequest, string)"/> for a resource tagged by its version alone (<c>"3"</c>).
    /// </summary>
    public static IfMatch ParseIfMatchVersions(HttpRequest request) => ParseIfMatchTags(request, "\"");

    /// <summary>
    /// The revisions named by the strong tags <c>prefix + revision + "</c> of an <c>If-Match</c> header; a header that is
    /// not <c>*</c> or a list of one or more entity tags (RFC 9110: each quoted, optionally <c>W/</c> before) is
    /// <see cref="IfMatch.Malformed"/>: a version sent without its quotes (<c>If-Match: 3</c>) is a mistake to point out,
    /// not a condition that fails.
    /// </summary>
    private static IfMatch ParseIfMatchTags(HttpRequest request, string prefix)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.ContainsKey(HeaderNames.IfMatch))
        {
            return IfMatch.None;
        }

        // Sent but empty is not "no condition" (a client that meant one would write unguarded), and "*" stands alone
        // (RFC 9110): in a list it would quietly turn the condition off.
        var header = request.Headers.IfMatch.ToString();
        if (Tags(header) is not { Count: > 0 } tags || (tags.Count > 1 && tags.Contains("*")))
        {
            return new IfMatch(MustExist: true, Revisions: null, Impossible: true, Malformed: true);
        }

        if (tags[0] == "*")
        {
            return new IfMatch(MustExist: true, Revisions: null, Impossible: false);
        }

        var revisions = tags
            .Where(t => t.Length > prefix.Length && t.StartsWith(prefix, StringComparison.Ordinal))
            .Select(t => Revision(t[prefix.Length..^1]))
            .Where(r => r >= 0)
            .Distinct()
            .ToList();
        return new IfMatch(MustExist: true, Revisions: revisions, Impossible: revisions.Count == 0);
    }

    /// <summary>The elements of a list of entity tags or <c>*</c> (empty elements skipped), or null when it is not one.</summary>
    private static List<string>? Tags(string header)
    {
        var tags = new List<string>();
        var at = 0;
        while (true)
        {
            while (at < header.Length && (header[at] is ' ' or '\t' or ','))
            {
                at++;
            }

            if (at == header.Length)
            {
                return tags;
            }

            var start = at;
            if (header[at] == '*')
            {
                at++;
            }
            else
            {
                at += header.AsSpan(at).StartsWith("W/\"", StringComparison.Ordinal) ? 3 : header[at] == '"' ? 1 : 0;
                if (at == start)
                {
                    return null;
                }

                while (at < header.Length && IsTagCharacter(header[at]))
                {
                    at++;
                }

                if (at == header.Length || header[at] != '"')
                {
                    return null;
                }

                at++;
            }

            tags.Add(header[start..at]);
            while (at < header.Length && (header[at] is ' ' or '\t'))
            {
                at++;
            }

            if (at < header.Length && header[at] != ',')
            {
                return null;
            }
        }
    }

    /// <summary>RFC 9110's <c>etagc</c>: a visible character other than the quote, or one beyond ASCII.</summary>
    private static bool IsTagCharacter(char c) => c is '\x21' or (>= '\x23' and <= '\x7E') or >= '\x80';

    /// <summary>
    /// The revision a tag's digits write as this API writes it, or -1: strong tags compare character by character, so
    /// <c>"01"</c> is not <c>"1"</c>.
    /// </summary>
    private static int Revision(string digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r)
            && digits == r.ToString(System.Globalization.CultureInfo.InvariantCulture) ? r : -1;

    /// <summary>An <c>If-Match</c> condition as a command takes it (or, when <see cref="Malformed"/>, a header to refuse).</summary>
    public sealed record IfMatch(bool MustExist, IReadOnlyList<int>? Revisions, bool Impossible, bool Malformed = false)
    {
        public static IfMatch None { get; } = new(false, null, false);

        /// <summary>The 400 answer to a malformed header.</summary>
        public static Error MalformedError { get; } = Error.Validation(
            "If-Match", "If-Match must be * or a list of quoted entity tags, sent exactly as the ETag header gave them, quotes included.");
    }
}
