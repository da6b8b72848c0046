using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Roadmap.Api.Common;

namespace Roadmap.Api.Tests.Platform;

/// <summary>
/// If-Match as sent on the wire. (An empty header cannot be sent through HttpClient, which drops it: curl's
/// <c>-H 'If-Match;'</c> can.)
/// </summary>
public sealed class EntityTagsTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\"1\", *")]
    public void An_If_Match_that_is_sent_but_names_no_tag_alone_is_malformed(string value)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = value;

        EntityTags.ParseIfMatchVersions(request).Malformed.Should().BeTrue("a client that sent a condition must not write unguarded");
    }

    [Fact]
    public void No_If_Match_is_no_condition_and_a_star_alone_is_any_existing_state()
    {
        var request = new DefaultHttpContext().Request;
        EntityTags.ParseIfMatchVersions(request).Should().Be(EntityTags.IfMatch.None);

        request.Headers.IfMatch = "*";
        EntityTags.ParseIfMatchVersions(request).Should().BeEquivalentTo(new { MustExist = true, Revisions = (IReadOnlyList<int>?)null, Impossible = false, Malformed = false });
    }
}
