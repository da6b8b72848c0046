using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Roadmap.Infrastructure.Insights.Persistence;

/// <summary>Lists rebuilt whole and only ever read whole, kept as JSON text on every provider.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Stored),
            text => JsonSerializer.Deserialize<List<T>>(text, Stored) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => a != null && b != null && a.SequenceEqual(b),
                value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                value => value.ToList()));
}
