using System.Text;
using System.Text.RegularExpressions;
using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>The size limits of catalog content, shared by the domain, the validators and the document schema.</summary>
public static partial class CatalogLimits
{
    public const int SlugMaxLength = 64;
    public const int TitleMaxLength = 200;
    public const int RoadmapDescriptionMaxLength = 10_000;
    public const int SectionDescriptionMaxLength = 4_000;
    public const int TopicSummaryMaxLength = 4_000;
    public const int UrlMaxLength = 2_048;
    public const int MinEstimatedMinutes = 1;
    public const int MaxEstimatedMinutes = 10_000;
    public const int MaxSections = 100;
    public const int MaxTopicsPerSection = 200;
    public const int MaxTopics = 1_000;
    public const int MaxPrerequisites = 50;
    public const int MaxFormerSlugs = 20;
    public const int MaxResources = 20;

    /// <summary>Lowercase kebab-case: <c>backend-developer</c>, <c>sql-injection</c>.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(slug);

    /// <summary>
    /// An absolute http or https URL of at most <see cref="UrlMaxLength"/> characters (code points: a URL may be written
    /// in any script), as written: no white space, control or invisible character anywhere (.NET's parser would trim the
    /// ends and store them anyway; a text-direction override disguises where a link leads).
    /// </summary>
    public static bool IsHttpUrl(string? url) =>
        url is { Length: > 0 } && TextLength.IsAtMost(url, UrlMaxLength)
        && url.EnumerateRunes().All(r => !Rune.IsWhiteSpace(r) && !ShownText.IsHidden(r))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The slug rule as a JSON Schema (ECMA-262) pattern, where <c>$</c> ends the string.</summary>
    public const string SlugSchemaPattern = "^" + SlugBody + "$";

    private const string SlugBody = "[a-z0-9]+(-[a-z0-9]+)*";

    // \z, not $: in .NET "$" would also accept a slug followed by a newline.
    [GeneratedRegex("^" + SlugBody + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
