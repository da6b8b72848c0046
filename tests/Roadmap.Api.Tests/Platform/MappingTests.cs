using FluentAssertions;
using Mapster;
using Mapster.Models;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Infrastructure.Identity;

namespace Roadmap.Api.Tests.Platform;

/// <summary>The service's whole mapping configuration (every layer's <see cref="IRegister"/> classes) compiles.</summary>
public sealed class MappingTests(SqliteApiFactory factory) : ApiTestBase<SqliteApiFactory>(factory)
{
    [Fact]
    public void The_configuration_the_service_uses_compiles_with_the_infrastructure_mappings()
    {
        Client().Dispose();
        var config = Factory.Services.GetRequiredService<TypeAdapterConfig>();

        config.RuleMap.Keys.Should().Contain(new TypeTuple(typeof(ApplicationUser), typeof(UserProfileDto)));
        config.RuleMap.Keys.Should().Contain(new TypeTuple(typeof(ApplicationUser), typeof(LearnerProfile)));
        config.Invoking(c => c.Compile()).Should().NotThrow();
        config.Invoking(c => c.CompileProjection()).Should().NotThrow();
    }
}
