using System.Text.Json;
using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Serialization;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.Catalog;

/// <summary>The JSON shape of roadmap documents (docs/roadmap-document.md).</summary>
public class RoadmapDocumentJsonTests
{
    private const string MinimalTopic =
        """{ "slug": "a", "title": "A", "summary": "S", "kind": "Core", "difficulty": "Beginner", "estimatedMinutes": 5 }""";

    [Fact]
    public void A_document_round_trips_through_json()
    {
        var document = TestDocuments.Small();

        var json = JsonSerializer.Serialize(document, JsonDefaults.Options);
        var read = JsonSerializer.Deserialize<RoadmapDocument>(json, JsonDefaults.Options);

        read.Should().BeEquivalentTo(document, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Documents_are_written_in_camel_case_with_enum_names_and_without_a_null_schema()
    {
        var json = JsonSerializer.Serialize(TestDocuments.Small(), JsonDefaults.Options);

        json.Should().Contain("\"estimatedMinutes\": 30").And.Contain("\"kind\": \"Core\"").And.Contain("\"type\": \"Documentation\"");
        json.Should().NotContain("$schema").And.NotContain("\"Slug\"");
    }

    [Fact]
    public void An_unknown_property_is_refused()
    {
        var json = """{ "slug": "x", "title": "X", "sections": [], "prerequisite": [] }""";

        var read = () => JsonSerializer.Deserialize<RoadmapDocument>(json, JsonDefaults.Options);

        read.Should().Throw<JsonException>().WithMessage("*prerequisite*");
    }

    [Fact]
    public void An_unknown_property_of_a_topic_is_refused()
    {
        var json = $$"""{ "slug": "x", "title": "X", "sections": [{ "slug": "s", "title": "S", "topics": [{{MinimalTopic.Replace("\"kind\"", "\"kinds\"", StringComparison.Ordinal)}}] }] }""";

        var read = () => JsonSerializer.Deserialize<RoadmapDocument>(json, JsonDefaults.Options);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void An_enum_written_as_a_number_is_refused()
    {
        var json = $$"""{ "slug": "x", "title": "X", "sections": [{ "slug": "s", "title": "S", "topics": [{{MinimalTopic.Replace("\"Core\"", "7", StringComparison.Ordinal)}}] }] }""";

        var read = () => JsonSerializer.Deserialize<RoadmapDocument>(json, JsonDefaults.Options);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void The_schema_property_is_accepted_and_optional_fields_take_their_defaults()
    {
        var json = $$"""
            {
              "$schema": "../../docs/roadmap-document.schema.json",
              "slug": "x",
              "title": "X",
              "sections": [{ "slug": "s", "title": "S", "topics": [{ "slug": "a", "title": "A", "summary": "S", "kind": "Core",
                "difficulty": "Beginner", "estimatedMinutes": 5, "resources": [{ "title": "R", "url": "https://r.org", "type": "Book" }] }] }]
            }
            """;

        var document = JsonSerializer.Deserialize<RoadmapDocument>(json, JsonDefaults.Options)!;

        document.Schema.Should().Be("../../docs/roadmap-document.schema.json");
        var topic = document.Sections[0].Topics[0];
        topic.Prerequisites.Should().BeEmpty();
        topic.FormerSlugs.Should().BeEmpty();
        topic.Resources[0].Free.Should().BeTrue();
        document.ToContent().Sections[0].Topics[0].Kind.Should().Be(TopicKind.Core);
    }

    [Fact]
    public void Times_are_written_as_utc()
    {
        var time = new DateTimeOffset(2026, 11, 22, 12, 30, 0, TimeSpan.FromHours(2));

        JsonSerializer.Serialize(time, JsonDefaults.Options).Should().Be("\"2026-11-22T10:30:00Z\"");
    }
}
