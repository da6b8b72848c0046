using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Identity.Accounts.CreateAdmin;
using Roadmap.Infrastructure.Catalog;

namespace Roadmap.Api.Common;

/// <summary>
/// The service's commands besides serving HTTP: <c>import [--publish] &lt;file&gt;...</c> and
/// <c>users create-admin --email &lt;email&gt; [--display-name &lt;name&gt;]</c>. Arguments of the form
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

        static bool IsSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal);
        var rest = args.Skip(1).ToList();
        return new CommandLine(args[0], rest.Where(a => !IsSetting(a)).ToList(), rest.Where(IsSetting).ToArray());
    }

    /// <summary>The environment variable the admin password may come from; otherwise it is read from standard input.</summary>
    public const string AdminPasswordVariable = "ROADMAP_ADMIN_PASSWORD";

    private const string Usage = "Usage: import [--publish] <file>... | users create-admin --email <email> [--display-name <name>]";

    public async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        switch (Command, Arguments.FirstOrDefault())
        {
            case ("import", _):
                return await ImportAsync(services, output, cancellationToken);
            case ("users", "create-admin"):
                return await CreateAdminAsync(services, input, output, cancellationToken);
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// Creates (or promotes) an Admin. The password never appears on the command line, where other users of
    /// the machine could see it: it comes from <see cref="AdminPasswordVariable"/> or the first line of stdin.
    /// </summary>
    private async Task<int> CreateAdminAsync(IServiceProvider services, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var email = Option("--email");
        if (email is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(AdminPasswordVariable) ?? await input.ReadLineAsync(cancellationToken) ?? string.Empty;
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateAdminCommand(email, password, Option("--display-name") ?? "Admin"), cancellationToken);
        if (!result.IsSuccess)
        {
            var details = result.Error.Details?.SelectMany(d => d.Value.Select(m => $"{d.Key}: {m}")) ?? [];
            await output.WriteLineAsync(string.Join("; ", details.Prepend(result.Error.Message)));
            return 1;
        }

        await output.WriteLineAsync($"{result.Value.Email} is an Admin ({result.Value.Id}).");
        return 0;
    }

    /// <summary>
    /// A relative path as the caller meant it: from the working folder when the file is there; otherwise from the
    /// shell's <c>PWD</c>, because <c>dotnet run --project src/Api</c> starts the service in the project's folder.
    /// </summary>
    private static string FromCallersDirectory(string path) =>
        Path.IsPathRooted(path) || File.Exists(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } callerDirectory
            ? path
            : Path.GetFullPath(path, callerDirectory);

    private string? Option(string name)
    {
        var index = Arguments.ToList().IndexOf(name);
        return index >= 0 && index + 1 < Arguments.Count ? Arguments[index + 1] : null;
    }

    /// <summary>Imports each file, printing one line per roadmap; the exit code is 1 when any file failed.</summary>
    private async Task<int> ImportAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var publish = Arguments.Contains("--publish");
        var files = Arguments.Where(a => a != "--publish").Select(FromCallersDirectory).ToList();
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
            await output.WriteLineAsync(outcome.Result is { } result ? Describe(result) : $"{outcome.File}: {outcome.Failure}");
        }

        return failed ? 1 : 0;
    }

    /// <summary>One line per imported roadmap: <c>my-roadmap: updated: sections +0 ~1 -0, topics +2 ~1 -0 (Published, version 3)</c>.</summary>
    internal static string Describe(ImportRoadmapResult result)
    {
        var changes = result.Changes;
        var what = result.Created
            ? $"created with {changes.SectionsAdded} sections and {changes.TopicsAdded} topics"
            : changes != RoadmapChangesDto.None
                ? $"updated: sections +{changes.SectionsAdded} ~{changes.SectionsUpdated} -{changes.SectionsRetired}, " +
                  $"topics +{changes.TopicsAdded} ~{changes.TopicsUpdated} -{changes.TopicsRetired}" +
                  (changes.DetailsChanged ? ", title/description changed" : string.Empty)
                : "unchanged";
        return $"{result.Slug}: {what} ({result.Status}, version {result.Version})";
    }
}
