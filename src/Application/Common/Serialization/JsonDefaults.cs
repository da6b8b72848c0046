using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roadmap.Application.Common.Serialization;

/// <summary>The one JSON shape of the service and its documents: camelCase, enums as names, UTC ISO 8601 times.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // Strict reading: what a client sends means one thing. No numbers in strings, no "Slug" for "slug",
        // no property twice, no property the endpoint does not know (a typo is reported, not ignored).
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

        // Enums by one name each: "kind": 7 is a client mistake, not a hidden value.
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new NoNulStringConverter());
        return options;
    }

    /// <summary>
    /// Enums read and written as their names, read in any case. Unlike <see cref="JsonStringEnumConverter"/>, a value
    /// must be exactly one declared name: no number, no padding, and no comma-separated list (which that converter reads
    /// as a combination of flags: "InProgress, Done" would become Skipped, a status nobody sent).
    /// </summary>
    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetNames<T>().ToDictionary(n => n, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);

        // A JsonException without a message: the serializer words it with the value's path.
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString());
        }

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonException();

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WritePropertyName(value.ToString());
        }
    }

    /// <summary>
    /// Refuses the NUL character in any string: PostgreSQL cannot store it, and no text of this service needs it.
    /// </summary>
    private sealed class NoNulStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && value.Contains('\0', StringComparison.Ordinal)
                ? throw new JsonException("A string may not contain the NUL character.")
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }

    /// <summary>
    /// Reads a time only with its offset (<c>Z</c>, <c>+01:00</c> or <c>+01</c>, after the time of day): without one it
    /// would be taken in the server's own zone, which a client cannot know. Writes every time as UTC with a trailing Z (<c>2026-11-22T10:00:00Z</c>).
    /// </summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDateTimeOffset();
            var text = reader.GetString()!;
            var time = text.IndexOf('T', StringComparison.Ordinal);
            return time > 0 && (text.EndsWith('Z') || text.IndexOfAny(['+', '-'], time) > 0) ? value : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
    }
}
