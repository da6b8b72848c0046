using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Identity.Accounts.CreateAdmin;
using Roadmap.Infrastructure.Catalog;

namespace Roadmap.Api.Common;

/// <summary>
/// The service's commands besides serving HTTP: <c>import [--publish] &lt;file&gt;...</c> and
/// <c>users create-admin --email &lt;email&gt; [--display-name &lt;name&gt;]</c>. Settings stay configuration
/// overrides, as for the server: before the command as <c>--Key=value</c> or <c>--Key value</c>, after it as
/// <c>--Key=value</c>.
/// </summary>
internal sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, string[] HostArgs)
{
    /// <summary>The command of <c>--help</c>, <c>-h</c> and <c>help</c>: the usage, before anything is started.</summary>
    public const string Help = "help";

    public const string HelpText = """
        Usage: Roadmap.Api [--Key=value ...]                 serve HTTP (settings as in the README, e.g. --urls=http://localhost:5080)
               Roadmap.Api [--Key=value ...] import [--publish] <file>...
                                                             import roadmap documents (one line per roadmap; exit 1 if any failed)
               Roadmap.Api [--Key=value ...] users create-admin --email <email> [--display-name <name>]
                                                             create or promote an Admin; the password comes from the
                                                             ROADMAP_ADMIN_PASSWORD variable or the first line of stdin
        (With dotnet run: dotnet run --project src/Api -- <command> ...)
        """;

    /// <summary>
    /// The command word is the first argument after the leading settings (<c>--Key=value</c>, or <c>--Key value</c> as
    /// ASP.NET Core reads them), so <c>--urls http://localhost:5311 users create-admin ...</c> runs the command rather
    /// than the server; <c>--help</c> or <c>-h</c> anywhere (even as an option's value) asks for the usage. Settings
    /// after the command word take the <c>--Key=value</c> form.
    /// </summary>
    public static CommandLine Parse(string[] args)
    {
        var at = 0;
        while (at < args.Length && args[at].StartsWith('-') && args[at] is not ("--help" or "-h"))
        {
            at += args[at].Contains('=', StringComparison.Ordinal) ? 1 : 2;
        }

        if (args.Any(a => a is "--help" or "-h") || (at < args.Length && args[at] == Help))
        {
            return new CommandLine(Help, [], []);
        }

        if (at >= args.Length)
        {
            return new CommandLine(null, [], args);
        }

        static bool IsSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal);

        // The users command's own options in the --name=value form are its arguments, not settings (--password= too, so
        // that it is refused rather than quietly taken as a setting).
        var command = args[at];
        bool IsUsersOption(string a) =>
            command == "users" && a.Split('=', 2)[0].ToLowerInvariant() is "--email" or "--display-name" or "--password";
        var rest = args.Skip(at + 1).SelectMany(a => IsUsersOption(a) && a.Contains('=', StringComparison.Ordinal) ? a.Split('=', 2) : [a]).ToList();
        return new CommandLine(command, rest.Where(a => !IsSetting(a)).ToList(), [.. args.Take(at), .. rest.Where(IsSetting)]);
    }

    /// <summary>The environment variable the admin password may come from; otherwise it is read from standard input.</summary>
    public const string AdminPasswordVariable = "ROADMAP_ADMIN_PASSWORD";

    private const string Usage = "Usage: import [--publish] <file>... | users create-admin --email <email> [--display-name <name>] (--help for more)";

    /// <summary>Runs the command: results on <paramref name="output"/>, failures and usage on <paramref name="error"/>.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (Command, Arguments.FirstOrDefault())
        {
            case ("import", _):
                return await ImportAsync(services, output, error, cancellationToken);
            case ("users", "create-admin"):
                return await CreateAdminAsync(services, input, output, error, cancellationToken);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// Creates (or promotes) an Admin. The password never appears on the command line, where other users of
    /// the machine could see it: it comes from <see cref="AdminPasswordVariable"/> or the first line of stdin.
    /// </summary>
    private async Task<int> CreateAdminAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Each option once, with its value; anything else is refused rather than quietly left out.
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var at = 1; at < Arguments.Count; at += 2)
        {
            var name = Arguments[at];
            if (name is not ("--email" or "--display-name") || at + 1 == Arguments.Count || !options.TryAdd(name, Arguments[at + 1]))
            {
                await error.WriteLineAsync(name.Equals("--password", StringComparison.OrdinalIgnoreCase)
                    ? $"The password is never taken from the command line: set {AdminPasswordVariable} or give it as the first line of standard input."
                    : $"'{name}' is not an option of users create-admin, is given twice or lacks its value. {Usage}");
                return 2;
            }
        }

        if (!options.TryGetValue("--email", out var email))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(AdminPasswordVariable) ?? await input.ReadLineAsync(cancellationToken) ?? string.Empty;
        if (password.Length == 0)
        {
            await error.WriteLineAsync($"No password: set {AdminPasswordVariable} or give it as the first line of standard input (never on the command line).");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateAdminCommand(email, password, options.GetValueOrDefault("--display-name", "Admin")), cancellationToken);
        if (!result.IsSuccess)
        {
            await error.WriteLineAsync(result.Error.ToLine());
            return 1;
        }

        await output.WriteLineAsync($"{result.Value.Email} is an Admin ({result.Value.Id}).");
        return 0;
    }

    /// <summary>
    /// A relative path as the caller meant it: from the shell's <c>PWD</c> when the file is there, since
    /// <c>dotnet run --project src/Api</c> starts the service in the project's folder; otherwise from the working
    /// folder. Null when both folders hold a different file of that name (the service's own <c>appsettings.json</c>, or
    /// a <c>PWD</c> left behind by a parent that started it elsewhere): which one was meant cannot be told.
    /// </summary>
    internal static string? FromCallersDirectory(string path, string? callerDirectory)
    {
        if (Path.IsPathRooted(path) || string.IsNullOrEmpty(callerDirectory))
        {
            return path;
        }

        var callers = Path.GetFullPath(path, callerDirectory);
        if (!File.Exists(callers))
        {
            return path;
        }

        // The same file may be named by two paths (a folder reached through a link): then both hold the same bytes.
        return !File.Exists(path) || File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(callers)) ? callers : null;
    }

    /// <summary>Imports each file, printing one line per roadmap; the exit code is 1 when any file failed.</summary>
    private async Task<int> ImportAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var publish = Arguments.Contains("--publish");
        var caller = Environment.GetEnvironmentVariable("PWD");
        var files = Arguments.Where(a => a != "--publish").ToList();
        if (files.Count == 0)
        {
            await error.WriteLineAsync("Usage: import [--publish] <file>...");
            return 2;
        }

        var failed = false;
        foreach (var given in files)
        {
            if (FromCallersDirectory(given, caller) is not { } file)
            {
                failed = true;
                await error.WriteLineAsync($"{given}: there is one in the folder the command was typed in and another in the service's; give a path that says which");
                continue;
            }

            // One scope per file: a failed document leaves nothing behind for the next one.
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RoadmapFileImporter>().ImportAsync(file, publish, cancellationToken);
            failed |= !outcome.Succeeded;
            await (outcome.Result is { } result ? output.WriteLineAsync(Describe(result)) : error.WriteLineAsync($"{outcome.File}: {outcome.Failure}"));
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
