using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Roadmap.Infrastructure.Common;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Roadmap.Api.Common;

/// <summary>Logs (Serilog), and traces and metrics (OpenTelemetry, exported over OTLP only when configured).</summary>
internal static class Observability
{
    /// <summary>The standard OpenTelemetry variable; without it nothing is collected or exported.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    internal const string TextTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Readable lines in Development, one JSON object per line elsewhere (<c>Logging:Format</c> = <c>Text</c> or
    /// <c>Json</c> overrides). Levels come from the <c>Serilog</c> section. A command-line command logs only warnings
    /// and errors, on stderr, so that its stdout is its own.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, bool commandLine)
    {
        var json = builder.Configuration["Logging:Format"] switch
        {
            null => !builder.Environment.IsDevelopment(),
            { } format when format.Equals("Json", StringComparison.OrdinalIgnoreCase) => true,
            { } format when format.Equals("Text", StringComparison.OrdinalIgnoreCase) => false,
            { } format => throw new InvalidConfigurationException($"Logging:Format is '{format}'; it is Text or Json."),
        };
        builder.Services.AddSerilog((services, log) =>
        {
            try
            {
                log.ReadFrom.Configuration(builder.Configuration);
            }
            catch (InvalidOperationException ex)
            {
                // Serilog's words (a level it does not know, say) name the value; the section is named here.
                throw new InvalidConfigurationException($"Serilog: {ex.Message}");
            }

            log.ReadFrom.Services(services).Enrich.FromLogContext().Filter.ByExcluding(IsLeftToExceptionHandler);
            LogEventLevel? toStandardError = null;
            if (commandLine)
            {
                log.MinimumLevel.Warning();
                toStandardError = LogEventLevel.Verbose;
            }

            if (json)
            {
                // One record per line whatever a client sent: JSON escapes CR, LF and the other C0 controls in strings.
                log.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: toStandardError);
            }
            else
            {
                // Text writes values as they are: what a client sent is escaped first, so that it cannot write lines of its own.
                log.WriteTo.EscapingControlCharacters(to => to.Console(
                    outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError));
            }
        }, preserveStaticLogger: true);

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            // The exporter reads the endpoint, headers and protocol from the standard OTEL_* variables itself.
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddOtlpExporter())
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql")
                    .AddOtlpExporter());
        }

        return builder;
    }

    private const string BearerHandler = "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler";

    /// <summary>
    /// The bearer handler's error record of a database outage (or a client gone) met by the account check it runs after
    /// validating a token (<c>TokenAccountCheck</c>): the exception goes on to <see cref="GlobalExceptionHandler"/>, which
    /// logs an outage once, as a warning, with its 503; the handler's record would make every signed-in request of an
    /// outage an error too.
    /// </summary>
    internal static bool IsLeftToExceptionHandler(LogEvent record) =>
        record.Exception is { } exception
        && (exception is OperationCanceledException || GlobalExceptionHandler.IsDatabaseUnavailable(exception))
        && record.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: BearerHandler };

    /// <summary>One line per request, written when the response is complete: method, route, status, duration and trace id.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // This host's logger, not Serilog's static one (several hosts may share a process, as in the tests).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} ({Route}) responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})";

            // A 503 is the service answering an outage as it should (the cause is logged once, as a warning); other
            // 5xx answers are bugs.
            o.GetLevel = (http, _, exception) => exception is not null || http.Response.StatusCode is >= 500 and not 503 ? LogEventLevel.Error
                : http.Response.StatusCode == 503 ? LogEventLevel.Warning
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                // A request the exception handler answered has lost its endpoint; the handler's feature keeps it.
                var endpoint = http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                diagnostics.Set("Route", (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");

                // The same id a problem's traceId quotes.
                diagnostics.Set("TraceId", Activity.Current?.Id ?? http.TraceIdentifier);
            };
        });
}
