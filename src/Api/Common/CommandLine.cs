using Roadmap.Infrastructure.Catalog;

namespace Roadmap.Api.Common;

/// <summary>
/// The service's commands besides serving HTTP: <c>import [--publish] &lt;file&gt;...</c>. Arguments of the form
/// <c>--Key=value</c> stay configuration overrides, as for the server.
/// </summary>
internal sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new CommandLine(null, [], args);
        }

        var hostArgs = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return new CommandLine(args[0], args.Skip(1).Except(hostArgs).ToList(), hostArgs);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        switch (Command)
        {
            case "import":
                return await ImportAsync(services, output, cancellationToken);
            default:
                await output.WriteLineAsync($"Unknown command '{Command}'. Usage: import [--publish] <file>...");
                return 2;
        }
    }

    /// <summary>Imports each file, printing one line per roadmap; the exit code is 1 when any file failed.</summary>
    private async Task<int> ImportAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var publish = Arguments.Contains("--publish");
        var files = Arguments.Where(a => a != "--publish").ToList();
        if (files.Count == 0)
        {
            await output.WriteLineAsync("Usage: import [--publish] <file>...");
            return 2;
        }

        var failed = false;
        foreach (var file in files)
        {
            // One scope per file: a failed document leaves nothing behind for the next one.
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RoadmapFileImporter>().ImportAsync(file, publish, cancellationToken);
            failed |= !outcome.Succeeded;
            await output.WriteLineAsync(outcome.Line);
        }

        return failed ? 1 : 0;
    }
}
