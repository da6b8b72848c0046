namespace Roadmap.Domain.Catalog;

/// <summary>Prerequisites form a directed graph that must stay acyclic.</summary>
public static class PrerequisiteGraph
{
    /// <summary>
    /// Finds one cycle, returned as the slugs along it with the first repeated at the end
    /// (<c>a → b → a</c>), or null when the graph is acyclic. Edges to unknown nodes are ignored.
    /// </summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path, true: finished
        var path = new List<string>();

        foreach (var start in edges.Keys)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            // Iterative depth-first search so a long chain cannot overflow the stack.
            var stack = new Stack<(string Node, IEnumerator<string> Next)>();
            stack.Push((start, edges[start].GetEnumerator()));
            state[start] = false;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    stack.Pop();
                    state[node] = true;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var target = next.Current;
                if (!edges.TryGetValue(target, out var targetEdges))
                {
                    continue;
                }

                if (!state.TryGetValue(target, out var finished))
                {
                    state[target] = false;
                    path.Add(target);
                    stack.Push((target, targetEdges.GetEnumerator()));
                }
                else if (!finished)
                {
                    var cycle = path.Skip(path.IndexOf(target)).ToList();
                    cycle.Add(target);
                    return cycle;
                }
            }
        }

        return null;
    }
}
