using FluentAssertions;
using Mapster;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.Common;

public class MappingConfigurationTests
{
    [Fact]
    public void Every_mapping_of_every_module_compiles_in_memory_and_as_a_projection()
    {
        var config = DependencyInjection.CreateMappings();

        config.Invoking(c => c.Compile()).Should().NotThrow();
        config.Invoking(c => c.CompileProjection()).Should().NotThrow();
        config.RuleMap.Should().NotBeEmpty("the modules' IRegister classes must be found");
    }

    [Fact]
    public void A_destination_member_without_a_source_fails_the_compilation()
    {
        var config = DependencyInjection.CreateMappings();
        config.NewConfig<LearningRoadmap, SummaryWithATypo>();

        config.Invoking(c => c.Compile()).Should().Throw<CompileException>().WithInnerException<InvalidOperationException>().WithMessage("*Titel*");
    }

    [Fact]
    public void A_pair_of_types_nobody_configured_is_refused()
    {
        var roadmap = TestRoadmaps.Published();

        roadmap.Invoking(r => r.Adapt<SummaryWithATypo>(TestMappings.Config)).Should().Throw<CompileException>();
    }

    [Fact]
    public void Parts_of_a_roadmap_cannot_be_mapped_without_their_roadmap()
    {
        var topic = TestRoadmaps.Published().Topics[0];

        topic.Invoking(t => TestMappings.Mapper.Map<TopicDto>(t)).Should().Throw<InvalidOperationException>().WithMessage("*MapFromRoadmap*");
    }

    private sealed record SummaryWithATypo(Guid Id, string Slug, string Titel);
}
