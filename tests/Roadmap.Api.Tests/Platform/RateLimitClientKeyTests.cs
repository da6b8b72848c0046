using System.Net;
using FluentAssertions;
using Roadmap.Api.Common;

namespace Roadmap.Api.Tests.Platform;

/// <summary>Who a rate limit counts as one client: an IPv4 address, an IPv6 address's /64 network.</summary>
public sealed class RateLimitClientKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb:cccc:dddd:2", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    public void Addresses_of_one_IPv6_network_count_as_one_client(string first, string second, bool same)
    {
        var a = RateLimits.ClientKey(IPAddress.Parse(first));
        var b = RateLimits.ClientKey(IPAddress.Parse(second));

        (a == b).Should().Be(same, $"{first} is {a} and {second} is {b}");
    }

    [Fact]
    public void Keys_name_the_address_or_network_and_an_unknown_client()
    {
        RateLimits.ClientKey(IPAddress.Parse("192.0.2.7")).Should().Be("192.0.2.7");
        RateLimits.ClientKey(IPAddress.Parse("2001:db8:1:2:aaaa::1")).Should().Be("2001:db8:1:2::/64");
        RateLimits.ClientKey(null).Should().Be("unknown");
    }
}
