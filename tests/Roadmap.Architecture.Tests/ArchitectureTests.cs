using FluentAssertions;

namespace Roadmap.Architecture.Tests;

public sealed class ArchitectureTests
{
    private const string SamplesNamespace = "Roadmap.Architecture.Tests.Samples";

    public static TheoryData<string> RuleNames => new(Rules.All.Select(rule => rule.Name));

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_real_code_follows_the_rule(string rule)
    {
        var architectureRule = Rules.Named(rule);
        architectureRule.Assembly.Should().NotBe(typeof(ArchitectureTests).Assembly.GetName().Name, "the samples must never be checked as real code");

        var result = Checker.Check(architectureRule, Checker.Load(architectureRule.Assembly));

        result.Selected.Should().NotBeEmpty("a rule that selects no type proves nothing (a typo?)");
        result.Violations.Select(violation => violation.ToString()).Should().BeEmpty("the code must follow {0}", rule);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_fails_on_a_bad_sample(string rule)
    {
        var architectureRule = Rules.Named(rule);
        var sampleNamespace = $"{SamplesNamespace}.{architectureRule.SampleNamespace}";
        var samples = Checker.Load(typeof(ArchitectureTests).Assembly.GetName().Name!).GetTypes()
            .Where(type => Checker.NamespaceOf(type) is var ns && (ns == sampleNamespace || ns.StartsWith(sampleNamespace + ".", StringComparison.Ordinal)));

        var result = Checker.Check(architectureRule, samples);

        result.Selected.Should().NotBeEmpty("the rule must select its samples in {0}", sampleNamespace);
        result.Violations.Should().NotBeEmpty();
        result.Violations.Select(v => v.Type).Distinct().Should().BeEquivalentTo(
            architectureRule.BadSamples.Select(type => type.FullName!.Replace('+', '/')),
            "exactly the bad samples are flagged; the violations were: {0}", string.Join("; ", result.Violations));
    }

    [Fact]
    public void Every_rule_has_a_unique_name_and_a_bad_sample()
    {
        Rules.All.Select(rule => rule.Name).Should().OnlyHaveUniqueItems();
        Rules.All.Should().OnlyContain(rule => rule.BadSamples.Count > 0);
    }

    [Fact]
    public void Modules_are_read_from_the_namespace_after_the_layer()
    {
        var types = Checker.Load("Roadmap.Application").GetTypes().ToDictionary(type => type.FullName, StringComparer.Ordinal);

        Rules.PlaceOf(types["Roadmap.Application.Catalog.Contracts.RoadmapDto"]).Should().Be(new ModulePlace("Application", "Catalog", InContracts: true));
        Rules.PlaceOf(types["Roadmap.Application.Catalog.Roadmaps.GetRoadmap.GetRoadmapQuery"]).Should().Be(new ModulePlace("Application", "Catalog", InContracts: false));
        Rules.PlaceOf(types["Roadmap.Application.Common.Messaging.ICommand`1"]).Should().BeNull();
    }
}
