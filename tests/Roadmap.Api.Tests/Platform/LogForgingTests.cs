using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Roadmap.Api.Tests.Platform;

/// <summary>
/// A request cannot write log lines of its own: in the Text format every control character and line separator a
/// logged value holds is escaped, and an exception's lines are indented; the JSON format escapes them as JSON does.
/// </summary>
public sealed partial class LogForgingTests
{
    private const string ForgedPath = "/api/roadmaps/x%0D%0A07:00:00.000%20ERR%20Forged:%20line";
    private const string Forged = "07:00:00.000 ERR Forged: line";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_path_with_a_line_break_stays_on_its_request_line_in_the_text_format()
    {
        // The service as started in Development, whose default format is Text.
        await using var service = await RunningService.StartAsync(format: null);

        using var client = new HttpClient { BaseAddress = service.Address };
        (await client.GetAsync(new Uri(ForgedPath, UriKind.Relative), Ct)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        var request = await service.WaitForLineAsync(line => line.Contains("HTTP GET /api/roadmaps/x", StringComparison.Ordinal));
        request.Should().Contain(@"/api/roadmaps/x\r\n07:00:00.000 ERR Forged: line (/api/roadmaps/{slug}) responded 404");
        service.Lines.Should().NotContain(line => line.StartsWith(Forged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_JSON_format_keeps_such_a_path_inside_its_record()
    {
        await using var service = await RunningService.StartAsync(format: "Json");

        using var client = new HttpClient { BaseAddress = service.Address };
        (await client.GetAsync(new Uri(ForgedPath, UriKind.Relative), Ct)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        var request = await service.WaitForLineAsync(
            line => line.Contains("\"@m\":\"HTTP ", StringComparison.Ordinal) && line.Contains("/api/roadmaps/x", StringComparison.Ordinal));
        request.Should().Contain(@"/api/roadmaps/x\r\n07:00:00.000 ERR Forged: line");
        using var record = JsonDocument.Parse(request);
        record.RootElement.GetProperty("RequestPath").GetString().Should().Be("/api/roadmaps/x\r\n" + Forged, "the value is kept whole, escaped only as JSON escapes it");
        service.Lines.Should().NotContain(line => line.StartsWith(Forged, StringComparison.Ordinal));
        service.Lines.Where(line => line.Length > 0).Should().OnlyContain(line => line.StartsWith('{'), "every line is a record");
    }

    [Theory]
    [InlineData("\r", @"\r")]
    [InlineData("\n", @"\n")]
    [InlineData("\r\n", @"\r\n")]
    [InlineData("\t", @"\t")]
    [InlineData("\0", @"\u0000")]
    [InlineData("\u000B", @"\u000B")]
    [InlineData("\u000C", @"\u000C")]
    [InlineData("\u001B[2K", @"\u001B[2K")] // an ANSI sequence: clear the line
    [InlineData("\u007F", @"\u007F")]
    [InlineData("\u0085", @"\u0085")]
    [InlineData("\u009B", @"\u009B")]
    [InlineData("\u2028", @"\u2028")]
    [InlineData("\u2029", @"\u2029")]
    [InlineData("\u202E", @"\u202E")] // a right-to-left override: shows the rest of the line reversed
    [InlineData("\u2066", @"\u2066")] // a left-to-right isolate
    [InlineData("\u200F", @"\u200F")] // a right-to-left mark
    public void Text_lines_escape_control_characters_and_line_separators_in_values(string character, string escaped)
    {
        var output = Render(log => log.Information("HTTP {RequestMethod} {RequestPath} responded {StatusCode}", "GET", $"/api/roadmaps/x{character}{Forged}", 404));

        output.Should().Be($"08:00:00.000 INF Test: HTTP GET /api/roadmaps/x{escaped}{Forged} responded 404{Environment.NewLine}");
    }

    [Fact]
    public void Values_inside_structures_lists_and_dictionaries_and_the_message_template_are_escaped_too()
    {
        var output = Render(log => log.Information(
            "Line one\nline two {@Request} {Items} {Map}",
            new { Path = "a\nb" },
            new[] { "c\rd" },
            new Dictionary<string, string> { ["k\n"] = "v\u2028" }));

        // The Text format renders structured values as JSON ({Message:lj}): there the escape's backslash is escaped in turn.
        output.Should().Be(
            """08:00:00.000 INF Test: Line one\nline two {"Path":"a\\nb"} ["c\\rd"] {"k\\n":"v\\u2028"}""" + Environment.NewLine);
    }

    [Fact]
    public void An_exceptions_lines_are_indented_so_that_its_message_cannot_start_a_record()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException($"boom\n{Forged}\rand\u2028more");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var lines = Render(log => log.Error(thrown, "Unhandled exception for {Method} {Path}", "GET", "/x"))
            .Split(Environment.NewLine).SkipLast(1).ToList();

        lines[0].Should().Be("08:00:00.000 ERR Test: Unhandled exception for GET /x");
        lines.Skip(1).Should().HaveCountGreaterThan(2).And.OnlyContain(line => line.StartsWith("  ", StringComparison.Ordinal));
        lines.Should().Contain("  System.InvalidOperationException: boom").And.Contain(@"  07:00:00.000 ERR Forged: line\rand\u2028more");
        lines.Should().Contain(line => line.StartsWith("     at ", StringComparison.Ordinal), "the stack is kept");
    }

    /// <summary>
    /// What the Text format writes for the events <paramref name="log"/> writes, through the service's own set-up, each
    /// record's time read as 08:00:00.000 so that lines can be compared whole.
    /// </summary>
    private static string Render(Action<Serilog.ILogger> log)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var logger = new LoggerConfiguration()
            .Enrich.WithProperty("SourceContext", "Test")
            .WriteTo.EscapingControlCharacters(to => to.Sink(new TextSink(writer)))
            .CreateLogger())
        {
            log(logger);
        }

        return RecordTime().Replace(writer.ToString(), "08:00:00.000 ");
    }

    /// <summary>The console sink's rendering of the Text format, into a writer.</summary>
    private sealed class TextSink(TextWriter writer) : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _formatter = new(Observability.TextTemplate, CultureInfo.InvariantCulture);

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, writer);
    }

    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} ", RegexOptions.Multiline)]
    private static partial Regex RecordTime();
}
