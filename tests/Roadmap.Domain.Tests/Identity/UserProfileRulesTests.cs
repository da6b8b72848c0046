using FluentAssertions;
using Roadmap.Domain.Identity;

namespace Roadmap.Domain.Tests.Identity;

public class UserProfileRulesTests
{
    [Theory]
    [InlineData("ann@example.org", true)]
    [InlineData("  ann@example.org ", true)] // surrounding spaces are trimmed when the account is made
    [InlineData("ann@example.org\u200B", false)]
    [InlineData("an\u00ADn@example.org", false)] // a soft hyphen, invisible when shown
    [InlineData("ann\t@example.org", false)]
    [InlineData("ann @example.org", false)]
    [InlineData("ann\U000E0041@example.org", false)] // a tag character, invisible and beyond U+FFFF
    public void An_email_holds_no_hidden_characters(string email, bool accepted) =>
        UserProfileRules.HasNoHiddenCharacters(email).Should().Be(accepted);
}
