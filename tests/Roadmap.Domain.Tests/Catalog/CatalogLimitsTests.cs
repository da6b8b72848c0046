using FluentAssertions;
using Roadmap.Domain.Catalog;

namespace Roadmap.Domain.Tests.Catalog;

public class CatalogLimitsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("backend-developer")]
    [InlineData("oauth2")]
    [InlineData("2fa")]
    [InlineData("how-the-internet-works")]
    public void Lowercase_kebab_case_is_a_valid_slug(string slug)
    {
        CatalogLimits.IsValidSlug(slug).Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Backend")]
    [InlineData("backEnd")]
    [InlineData("back--end")]
    [InlineData("-backend")]
    [InlineData("backend-")]
    [InlineData("back_end")]
    [InlineData("back end")]
    [InlineData(" backend")]
    [InlineData("backend\n")]
    [InlineData("café")]
    public void Anything_else_is_not_a_valid_slug(string? slug)
    {
        CatalogLimits.IsValidSlug(slug).Should().BeFalse();
    }

    [Fact]
    public void A_slug_may_have_64_characters_but_not_65()
    {
        CatalogLimits.IsValidSlug(new string('a', 64)).Should().BeTrue();
        CatalogLimits.IsValidSlug(new string('a', 65)).Should().BeFalse();
        CatalogLimits.IsValidSlug(string.Join('-', Enumerable.Repeat("ab", 22))[..65]).Should().BeFalse();
    }

    [Theory]
    [InlineData("http://example.org")]
    [InlineData("https://example.org/path?query=1#part")]
    [InlineData("HTTPS://EXAMPLE.ORG/")]
    [InlineData("https://localhost:8080/x")]
    [InlineData("https://пример.рф/путь")]
    public void Absolute_http_and_https_urls_are_accepted(string url)
    {
        CatalogLimits.IsHttpUrl(url).Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("example.org/page")]
    [InlineData("https://")]
    [InlineData("http:/example.org")]
    [InlineData(" https://example.org/a")]
    [InlineData("https://example.org/a\n")]
    [InlineData("https://example.org/a b")]
    [InlineData("https://example.org/\u202Egpj.exe")]
    [InlineData("https://example.org/\u200B")]
    public void Other_urls_are_refused(string? url)
    {
        CatalogLimits.IsHttpUrl(url).Should().BeFalse();
    }

    [Fact]
    public void A_url_may_have_2048_characters_but_not_more()
    {
        const string Prefix = "https://example.org/";
        var longest = Prefix + new string('a', CatalogLimits.UrlMaxLength - Prefix.Length);

        CatalogLimits.IsHttpUrl(longest).Should().BeTrue();
        CatalogLimits.IsHttpUrl(longest + "a").Should().BeFalse();
    }

    [Fact]
    public void A_url_is_measured_in_characters_so_an_emoji_counts_once()
    {
        const string Prefix = "https://example.org/";
        var longest = Prefix + string.Concat(Enumerable.Repeat("\U0001F600", CatalogLimits.UrlMaxLength - Prefix.Length));

        CatalogLimits.IsHttpUrl(longest).Should().BeTrue();
        CatalogLimits.IsHttpUrl(longest + "a").Should().BeFalse();
    }
}
