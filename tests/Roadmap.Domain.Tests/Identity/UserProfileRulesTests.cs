using FluentAssertions;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Domain.Tests.Identity;

public class UserProfileRulesTests
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
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_display_name_must_show_something(string? name, bool visible) =>
        ShownText.HasVisibleCharacter(name).Should().Be(visible);

    [Theory]
    [InlineData("ann@example.org", true)]
    [InlineData("  ann@example.org ", true)] // surrounding spaces are trimmed when the account is made
    [InlineData("ann@example.org\u200B", false)]
    [InlineData("an\u00ADn@example.org", false)] // a soft hyphen, invisible when shown
    [InlineData("ann\t@example.org", false)]
    [InlineData("ann @example.org", false)]
    public void An_email_holds_no_hidden_characters(string email, bool accepted) =>
        UserProfileRules.HasNoHiddenCharacters(email).Should().Be(accepted);
}
