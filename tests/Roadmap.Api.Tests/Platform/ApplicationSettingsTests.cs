using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Roadmap.Api.Common;

namespace Roadmap.Api.Tests.Platform;

/// <summary>The service's own settings file applies wherever it is started from; one in the folder it starts in overrides it.</summary>
public sealed class ApplicationSettingsTests : IDisposable
{
    private readonly string _application = Directory.CreateTempSubdirectory("roadmap-app-").FullName;
    private readonly string _startedIn = Directory.CreateTempSubdirectory("roadmap-cwd-").FullName;

    [Fact]
    public void The_applications_settings_file_applies_when_started_from_another_folder()
    {
        Write(_application, """{"Serilog":{"MinimumLevel":{"Default":"Warning"}},"Only":{"App":"yes"}}""");

        var configuration = Configuration();

        configuration["Serilog:MinimumLevel:Default"].Should().Be("Warning");
        configuration["Only:App"].Should().Be("yes");
    }

    [Fact]
    public void A_settings_file_in_the_folder_started_in_and_the_environment_override_the_applications()
    {
        Write(_application, """{"Serilog":{"MinimumLevel":{"Default":"Warning"}},"Only":{"App":"yes"}}""");
        Write(_startedIn, """{"Serilog":{"MinimumLevel":{"Default":"Debug"}}}""");

        var configuration = Configuration(("Only:App", "overridden"));

        configuration["Serilog:MinimumLevel:Default"].Should().Be("Debug");
        configuration["Only:App"].Should().Be("overridden");
    }

    public void Dispose()
    {
        Directory.Delete(_application, recursive: true);
        Directory.Delete(_startedIn, recursive: true);
    }

    /// <summary>The sources as the host adds them (the content root's settings file, then overrides), then the application's.</summary>
    private ConfigurationManager Configuration(params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(_startedIn).AddJsonFile(ApplicationSettings.FileName, optional: true);
        configuration.AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)));
        return configuration.AddApplicationSettings(_application);
    }

    private static void Write(string folder, string json) => File.WriteAllText(Path.Combine(folder, ApplicationSettings.FileName), json);
}
