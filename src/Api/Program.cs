using Roadmap.Api;
using Roadmap.Api.Catalog;
using Roadmap.Api.Common;
using Roadmap.Api.Identity;
using Roadmap.Api.Insights;
using Roadmap.Api.Jobs;
using Roadmap.Api.Learning;
using Roadmap.Application;
using Roadmap.Infrastructure;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Identity;

// ASP.NET Core 10 reads JSON bodies through the request's pipe, which a body the serializer refuses (a value of the
// wrong type) can leave mid-read: the connection then ends abnormally on the client's next request. The stream
// reader, the framework's own fallback, has no such fault (ObservabilityTests). The switch may go in .NET 11: check
// the fault then.
AppContext.SetSwitch("Microsoft.AspNetCore.UseStreamBasedJsonParsing", true);

// A configuration that cannot run the service is said in one line, with exit code 1, not as a crash with a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is InvalidConfigurationException invalid)
    {
        Console.Error.WriteLine($"The service cannot start: {invalid.Message}");
        Environment.Exit(1);
    }
};

var commandLine = CommandLine.Parse(args);
if (commandLine.Command == CommandLine.Help)
{
    Console.Out.WriteLine(CommandLine.HelpText);
    return 0;
}

var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
builder.Configuration.AddApplicationSettings();
builder.AddObservability(commandLine: commandLine.Command is not null);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi()
    .AddSecurity(builder.Configuration)
    .DecideAccessBeforeMediaType();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<BootstrapAdmin>().EnsureAsync(app.Lifetime.ApplicationStopping);
if (commandLine.Command is not null)
{
    return await commandLine.RunAsync(app.Services, Console.In, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
}

app.UseForwardedHeaders();
app.UseMiddleware<HeadResponseBodyMiddleware>();

// Outside the exception handler, so the request log records the status the client really got.
app.UseRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseRouting();
app.UseNoStore();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<InvalidCredentialsMiddleware>();
app.UseAuthorization();

// Who may call is decided before what was sent is looked at: 401/403 come before 413/415/400.
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseMiddleware<JsonCharsetMiddleware>();
app.UseMiddleware<StrictQueryMiddleware>();
app.UseOutputCache();

app.MapOpenApi().AnswerHeadLikeGet();
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.DocumentTitle = "Roadmap API";
    o.SwaggerEndpoint("/openapi/v1.json", "Roadmap API v1");
});
app.MapHealthEndpoints();
var api = app.MapGroup(string.Empty).AnswerHeadLikeGet();
api.MapAuthEndpoints();
api.MapMeEndpoints();
api.MapUserAdminEndpoints();
api.MapRoadmapEndpoints();
api.MapRoadmapAuthoringEndpoints();
api.MapRoadmapInsightsEndpoints();
api.MapEnrollmentEndpoints();
api.MapProgressEndpoints();
api.MapActivityEndpoints();
api.MapStatsEndpoints();
api.MapStatsAdminEndpoints();
api.MapLeaderboardEndpoints();
api.MapJobsDashboardEndpoints();
api.MapJobsAdminEndpoints();

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
{
    // An address it cannot listen on (taken, or not this machine's) is a setting that cannot run the service too.
    Console.Error.WriteLine($"The service cannot start: {ex.Message}");
    return 1;
}

return 0;

/// <summary>The entry point, visible to the API tests' host.</summary>
public partial class Program;
