using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>
/// The built service in a process of its own, in Development, on a new SQLite file and a free port, with its console
/// read line by line (the Text format writes to the console, which a test host cannot take over).
/// </summary>
internal sealed partial class RunningService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _lines = new();

    private RunningService(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<string> Lines => [.. _lines];

    public static async Task<RunningService> StartAsync(string? format = null)
    {
        var service = Launch(format, "http://127.0.0.1:0");
        var listening = await service.WaitForLineAsync(line => Listening().IsMatch(line));
        service.Address = new Uri(Listening().Match(listening).Groups["address"].Value);
        return service;
    }

    /// <summary>Starts the service on <paramref name="urls"/> without waiting for it to listen.</summary>
    public static RunningService Launch(string? format, string urls)
    {
        var folder = Path.Combine(Path.GetTempPath(), "roadmap-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Roadmap.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = urls;
        start.Environment["Logging__Format"] = format;
        start.Environment["Auth__SigningKey"] = RoadmapApiFactory.SigningKey;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Roadmap"] = $"Data Source={Path.Combine(folder, "roadmap.db")}";
        start.Environment["Catalog__SeedOnEmptyDatabase"] = "false";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;

        var service = new RunningService(new Process { StartInfo = start }, folder);
        service._process.OutputDataReceived += (_, e) => service.Add(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>The exit code of a service that stops by itself, waiting for it up to a minute.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The first line <paramref name="match"/> takes, waiting for it up to a minute (the service starts in seconds).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"No such line; the service wrote:{Environment.NewLine}{string.Join(Environment.NewLine, _lines)}");
            }

            await Task.Delay(50, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"Now listening on: [^h]*(?<address>http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex Listening();
}
