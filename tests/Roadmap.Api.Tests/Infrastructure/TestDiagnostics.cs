namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>
/// What went wrong outside a test (a fixture's clean-up), which the test runner reports only by its exception's type:
/// written whole to standard error and, when <c>ROADMAP_TEST_DIAGNOSTICS</c> names a file (as CI does), appended there.
/// </summary>
public static class TestDiagnostics
{
    public const string FileVariable = "ROADMAP_TEST_DIAGNOSTICS";

    private static readonly Lock Writing = new();

    public static void Record(string where, Exception exception)
    {
        var text = $"[{DateTimeOffset.UtcNow:O}] {where}: {exception}{Environment.NewLine}";
        Console.Error.Write(text);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path)
        {
            lock (Writing)
            {
                File.AppendAllText(path, text);
            }
        }
    }
}
