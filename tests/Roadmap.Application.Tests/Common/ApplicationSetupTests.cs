using Ardalis.Specification;
using FluentAssertions;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

public class ApplicationSetupTests
{
    [Fact]
    public void Behaviours_run_logging_then_validation_then_the_retry_of_a_lost_race_then_the_transaction()
    {
        var services = ApplicationDefaults.Apply();

        services.Where(d => d.ServiceType == typeof(IPipelineBehavior<,>)).Select(d => d.ImplementationType).Should().Equal(
            typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(ConflictRetryBehaviour<,>), typeof(TransactionBehaviour<,>));
    }

    [Fact]
    public void Handlers_and_validators_are_registered()
    {
        var services = ApplicationDefaults.Apply();

        services.Should().Contain(d => d.ServiceType == typeof(IRequestHandler<ImportRoadmapCommand, Result<Revisioned<ImportRoadmapResult>>>)
            && d.ImplementationType == typeof(ImportRoadmapCommandHandler));
        services.Should().Contain(d => d.ServiceType == typeof(IValidator<ImportRoadmapCommand>)
            && d.ImplementationType == typeof(ImportRoadmapCommandValidator));
        services.Should().Contain(d => d.ServiceType == typeof(IValidator<ListRoadmapsQuery>)
            && d.ImplementationType == typeof(ListRoadmapsQueryValidator));
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 1)]
    [InlineData(40, 20, 2)]
    [InlineData(41, 20, 3)]
    public void A_paged_list_counts_its_pages(int totalCount, int pageSize, int totalPages)
    {
        new PagedList<int>([], 1, pageSize, totalCount).TotalPages.Should().Be(totalPages);
    }

    [Fact]
    public void A_page_of_a_specification_skips_the_earlier_pages()
    {
        var specification = new ThingsPage(page: 3, pageSize: 20);

        specification.Skip.Should().Be(40);
        specification.Take.Should().Be(20);
        specification.AsNoTracking.Should().BeTrue();
        specification.WhereExpressions.Should().ContainSingle();
        specification.OrderExpressions.Should().ContainSingle().Which.OrderType.Should().Be(OrderTypeEnum.OrderByDescending);
    }

    private sealed class ThingsPage : Specification<string>
    {
        public ThingsPage(int page, int pageSize) =>
            Query.Where(s => s.Length > 0).OrderByDescending(s => s.Length).Skip((page - 1) * pageSize).Take(pageSize).AsNoTracking();
    }
}
