using FluentAssertions;

namespace Roadmap.Architecture.Tests;

public sealed class ArchitectureTests
{
    public static TheoryData<string> RuleNames => new(Rules.All.Select(rule => rule.Name));

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_real_code_follows_the_rule(string rule)
    {
        var architectureRule = Rules.Named(rule);
        var scope = Scope.RealCode(architectureRule.Layer);
        scope.Assembly.Should().NotBeSameAs(typeof(ArchitectureTests).Assembly, "the samples must never be checked as real code");

        var result = architectureRule.Check(scope);

        result.Selected.Should().NotBeEmpty("a rule that selects no type proves nothing (a typo?)");
        var known = Rules.KnownViolationsOf(architectureRule);
        result.Failing.Except(known).Should().BeEmpty("the code must follow {0}", rule);
        known.Except(result.Failing).Should().BeEmpty("a known violation that is fixed must leave the list");
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_fails_on_a_bad_sample(string rule)
    {
        var architectureRule = Rules.Named(rule);
        var scope = Scope.Samples(architectureRule.SampleNamespace);

        var result = architectureRule.Check(scope);

        result.Selected.Should().NotBeEmpty("the rule must select its samples in {0}", scope.Namespace);
        result.Selected.Should().OnlyContain(type => type.FullName!.StartsWith(scope.Namespace + ".", StringComparison.Ordinal));
        result.Failing.Should().BeEquivalentTo(
            architectureRule.BadSamples.Select(type => type.FullName!.Replace('+', '/')),
            "exactly the bad samples are flagged");
    }

    [Fact]
    public void Every_rule_has_a_unique_name_and_a_bad_sample()
    {
        Rules.All.Select(rule => rule.Name).Should().OnlyHaveUniqueItems();
        Rules.All.Should().OnlyContain(rule => rule.BadSamples.Count > 0);
        Rules.RulesWithKnownViolations.Should().BeSubsetOf(Rules.All.Select(rule => rule.Name));
    }

    [Fact]
    public void A_module_reaches_a_module_it_may_use_only_through_its_Contracts_or_its_domain()
    {
        var forbidden = Rules.ForbiddenFor(Scope.RealCode("Application"), "Learning");

        forbidden.Should().Contain(["Roadmap.Application.Catalog.Roadmaps", "Roadmap.Api.Identity", "Roadmap.Domain.Insights"]);
        forbidden.Should().NotContain(name =>
            name.StartsWith("Roadmap.Application.Catalog.Contracts", StringComparison.Ordinal) ||
            name.StartsWith("Roadmap.Domain.Catalog", StringComparison.Ordinal));
        Rules.ForbiddenFor(Scope.RealCode("Application"), "Catalog").Should().Contain(["Roadmap.Application.Learning", "Roadmap.Infrastructure.Identity"]);
    }
}
