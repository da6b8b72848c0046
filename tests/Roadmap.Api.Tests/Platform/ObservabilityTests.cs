using System.Collections.Concurrent;
using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace Roadmap.Api.Tests.Platform;

/// <summary>Logs on Serilog (one line per request) and OpenTelemetry only when an OTLP endpoint is configured.</summary>
public sealed class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_request_is_logged_once_with_method_route_status_duration_and_trace_id()
    {
        var sink = new RecordingSink();
        await using var factory = new SqliteApiFactory();
        await factory.InitializeAsync();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
        using var client = host.CreateClient();

        var found = await client.GetAsync("/api/roadmaps/backend-developer/topics/redis", Ct);
        var missing = await client.GetAsync("/api/roadmaps/no-such-roadmap", Ct);

        found.StatusCode.Should().Be(HttpStatusCode.OK);
        var problem = await missing.Content.ReadAsStringAsync(Ct);
        // The line is written when the response is complete, which may be just after the client has it.
        var requests = await sink.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal), count: 2);
        requests.Should().HaveCount(2);
        requests.Select(e => (Scalar(e, "RequestMethod"), Scalar(e, "Route"), Scalar(e, "StatusCode"))).Should().Equal(
            ("GET", "/api/roadmaps/{slug}/topics/{topicSlug}", 200),
            ("GET", "/api/roadmaps/{slug}", 404));
        requests.Should().OnlyContain(e => e.Properties.ContainsKey("Elapsed"));
        problem.Should().Contain((string)Scalar(requests[1], "TraceId")!, "a problem's traceId finds its request in the log");
    }

    [Fact]
    public async Task Traces_and_metrics_are_off_unless_an_OTLP_endpoint_is_set()
    {
        await using var off = new SqliteApiFactory();
        await off.InitializeAsync();
        await using var on = new SqliteApiFactory();
        await on.InitializeAsync();
        on.Set(Observability.OtlpEndpointVariable, "http://127.0.0.1:4317");

        off.Services.GetService<TracerProvider>().Should().BeNull();
        on.Services.GetService<TracerProvider>().Should().NotBeNull();
    }

    private static object? Scalar(LogEvent e, string name) => (e.Properties[name] as ScalarValue)?.Value;

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public async Task<List<LogEvent>> WaitForAsync(Func<LogEvent, bool> match, int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_events.Count(match) < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, Ct);
            }

            return [.. _events.Where(match)];
        }
    }
}
