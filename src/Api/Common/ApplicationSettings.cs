using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Roadmap.Api.Common;

internal static class ApplicationSettings
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Reads <see cref="FileName"/> from <paramref name="folder"/> (the application's own, by default) before every
    /// other source: the host reads it from its content root, the folder the service is started in, so a service
    /// started elsewhere lost its settings (log levels among them: EF Core logged every SQL command). A settings file
    /// in the content root, the environment and the command line still override it.
    /// </summary>
    public static ConfigurationManager AddApplicationSettings(this ConfigurationManager configuration, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(folder ?? AppContext.BaseDirectory),
        };
        ((IConfigurationBuilder)configuration).Sources.Insert(0, source);
        return configuration;
    }
}
