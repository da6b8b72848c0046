using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Roadmap.Api.Tests.Cluster;

/// <summary>
/// The Redis the tests share, named by <c>ROADMAP_TEST_REDIS</c> (a StackExchange.Redis configuration string such as
/// <c>127.0.0.1:6390</c>). Without it Redis tests are skipped, unless <c>ROADMAP_TEST_REDIS_REQUIRED</c> is set (as in
/// CI): then they fail. Tests that stop Redis start a private <c>redis-server</c> of their own (<see cref="PrivateRedis"/>).
/// </summary>
public static class TestRedis
{
    public const string ServerVariable = "ROADMAP_TEST_REDIS";
    public const string RequiredVariable = "ROADMAP_TEST_REDIS_REQUIRED";

    /// <summary>The shared server's configuration string, or null with the reason to skip (throws when required).</summary>
    public static string? Configuration(out string skipReason)
    {
        skipReason = $"Redis tests need {ServerVariable} (a Redis server, e.g. 127.0.0.1:6390).";
        var value = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        return string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequiredVariable))
            ? null
            : throw new InvalidOperationException($"{RequiredVariable} is set but {ServerVariable} is not.");
    }

    /// <summary>A TCP port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The <c>redis-server</c> program on the PATH, or null.</summary>
    public static string? ServerProgram() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A <c>redis-server</c> of one test, on a port of its own, that the test can stop and start again.</summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly string _program;
    private Process? _process;

    public PrivateRedis(string program)
    {
        _program = program;
        Port = TestRedis.FreePort();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_program)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process.HasExited)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>How many clients are subscribed to <paramref name="channel"/> now.</summary>
    public async Task<long> SubscribersAsync(string channel)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var reply = (RedisResult[])(await connection.GetServer(Configuration).ExecuteAsync("PUBSUB", "NUMSUB", channel))!;
        return (long)reply[1];
    }

    /// <summary>Kills the server at once, as a crash or a lost network would.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
