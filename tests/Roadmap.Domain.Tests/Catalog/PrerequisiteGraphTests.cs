using FluentAssertions;
using Roadmap.Domain.Catalog;

namespace Roadmap.Domain.Tests.Catalog;

public class PrerequisiteGraphTests
{
    private static Dictionary<string, IReadOnlyCollection<string>> Graph(params (string Node, string[] Prerequisites)[] nodes) =>
        nodes.ToDictionary(n => n.Node, n => (IReadOnlyCollection<string>)n.Prerequisites, StringComparer.Ordinal);

    [Fact]
    public void An_acyclic_graph_has_no_cycle()
    {
        var graph = Graph(("a", []), ("b", ["a"]), ("c", ["a", "b"]), ("d", ["c", "b"]));

        PrerequisiteGraph.FindCycle(graph).Should().BeNull();
    }

    [Fact]
    public void An_empty_graph_has_no_cycle()
    {
        PrerequisiteGraph.FindCycle(Graph()).Should().BeNull();
    }

    [Fact]
    public void A_two_node_cycle_is_named_with_its_first_node_repeated()
    {
        var graph = Graph(("a", ["b"]), ("b", ["a"]));

        PrerequisiteGraph.FindCycle(graph).Should().Equal("a", "b", "a");
    }

    [Fact]
    public void A_longer_cycle_is_named_without_the_nodes_leading_to_it()
    {
        // start → a → b → c → a: "start" leads into the cycle but is not part of it.
        var graph = Graph(("start", ["a"]), ("a", ["b"]), ("b", ["c"]), ("c", ["a"]), ("d", []));

        PrerequisiteGraph.FindCycle(graph).Should().Equal("a", "b", "c", "a");
    }

    [Fact]
    public void A_self_loop_is_a_cycle_of_one_node()
    {
        var graph = Graph(("a", []), ("b", ["b"]));

        PrerequisiteGraph.FindCycle(graph).Should().Equal("b", "b");
    }

    [Fact]
    public void A_diamond_is_not_a_cycle()
    {
        // d reaches a twice (through b and through c); meeting a finished node again is not a cycle.
        var graph = Graph(("a", []), ("b", ["a"]), ("c", ["a"]), ("d", ["b", "c"]));

        PrerequisiteGraph.FindCycle(graph).Should().BeNull();
    }

    [Fact]
    public void A_cycle_reached_only_from_a_later_start_is_found()
    {
        var graph = Graph(("a", []), ("b", ["a"]), ("x", ["y"]), ("y", ["x"]));

        PrerequisiteGraph.FindCycle(graph).Should().Equal("x", "y", "x");
    }

    [Fact]
    public void Edges_to_unknown_nodes_are_ignored()
    {
        var graph = Graph(("a", ["ghost"]), ("b", ["a", "phantom"]));

        PrerequisiteGraph.FindCycle(graph).Should().BeNull();
    }

    [Fact]
    public void A_chain_of_ten_thousand_nodes_is_searched_without_overflowing_the_stack()
    {
        const int Length = 10_000;
        var graph = Enumerable.Range(0, Length).ToDictionary(
            i => $"n{i}",
            i => (IReadOnlyCollection<string>)(i + 1 < Length ? [$"n{i + 1}"] : []),
            StringComparer.Ordinal);

        PrerequisiteGraph.FindCycle(graph).Should().BeNull();

        // Closing the chain makes one cycle through every node.
        graph[$"n{Length - 1}"] = ["n0"];
        var cycle = PrerequisiteGraph.FindCycle(graph);
        cycle.Should().NotBeNull().And.HaveCount(Length + 1);
        cycle![0].Should().Be("n0");
        cycle[^1].Should().Be("n0");
    }
}
