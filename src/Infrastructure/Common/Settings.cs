using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Roadmap.Infrastructure.Common;

/// <summary>
/// Settings read at start-up. A value that cannot be read as its type (<c>Jobs:WorkerCount=four</c>) or lies outside
/// its range stops the service with one line naming the setting (<see cref="InvalidConfigurationException"/>), rather
/// than a crash with a stack trace, a value quietly changed, or requests failing later.
/// </summary>
public static class Settings
{
    /// <summary>The section bound to <typeparamref name="T"/> (its defaults where a key is absent).</summary>
    public static T Read<T>(IConfiguration configuration, string section)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex) when (ex is not InvalidConfigurationException)
        {
            throw new InvalidConfigurationException(ex.Message);
        }
    }

    /// <summary>The whole number at <paramref name="key"/> (<paramref name="fallback"/> when absent), within its range.</summary>
    public static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? InRange(key, number, min, max)
            : throw new InvalidConfigurationException($"{key} is not a whole number (it is '{value}').");
    }

    /// <summary><paramref name="value"/> when it lies within <paramref name="min"/>…<paramref name="max"/>; otherwise the start stops.</summary>
    public static int InRange(string key, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw new InvalidConfigurationException(string.Create(
                CultureInfo.InvariantCulture, $"{key} is {value}; it must be from {min:N0} to {max:N0}."));
}
