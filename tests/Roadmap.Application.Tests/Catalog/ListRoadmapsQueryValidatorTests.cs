using FluentAssertions;
using Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;
using Roadmap.Application.Common.Paging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.Catalog;

public class ListRoadmapsQueryValidatorTests
{
    private readonly ListRoadmapsQueryValidator _validator = new();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(IPagedRequest.MaxPage + 1)]
    [InlineData(int.MaxValue)]
    public void A_page_below_1_or_past_the_int_offset_is_refused(int page)
    {
        var result = _validator.Validate(new ListRoadmapsQuery(Page: page));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("Page");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_page_size_outside_1_to_100_is_refused(int pageSize)
    {
        var result = _validator.Validate(new ListRoadmapsQuery(PageSize: pageSize));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("PageSize");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(7, 20)]
    [InlineData(IPagedRequest.MaxPage, 100)]
    public void A_page_from_1_with_a_size_from_1_to_100_is_accepted(int page, int pageSize)
    {
        _validator.Validate(new ListRoadmapsQuery(page, pageSize)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_unknown_status_is_refused()
    {
        var result = _validator.Validate(new ListRoadmapsQuery(Status: (RoadmapStatus)99));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("Status");
    }

    [Fact]
    public void The_default_query_is_valid()
    {
        _validator.Validate(new ListRoadmapsQuery()).IsValid.Should().BeTrue();
    }
}
