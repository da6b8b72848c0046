using System.Text.Json;

namespace Roadmap.Application.Common.Serialization;

/// <summary>A JSON document's fault in a client's terms: where (as validation errors name fields) and what, without .NET type names.</summary>
public static class JsonErrors
{
    /// <summary>Where the fault is: <c>sections[0].kind</c>; <c>$</c> for the whole document.</summary>
    public static string PathOf(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
    }

    /// <summary>What was wrong.</summary>
    public static string Describe(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Message switch
        {
            var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "This property is not part of the format.",
            var m when m.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) => "This property appears more than once.",
            var m when m.StartsWith("A string may not contain the NUL", StringComparison.Ordinal) => "A string may not contain the NUL character.",
            var m when m.Contains("could not be converted", StringComparison.Ordinal) => "The value has the wrong type or is not one of the allowed values.",
            _ when json.LineNumber is not null => $"Malformed JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
            _ => "Malformed JSON.",
        };
    }
}
