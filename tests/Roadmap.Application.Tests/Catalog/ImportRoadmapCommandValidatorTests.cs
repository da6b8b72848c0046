using FluentAssertions;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Catalog;

/// <summary>The document's field rules, run as the service runs them: through the validation behaviour.</summary>
public class ImportRoadmapCommandValidatorTests
{
    public ImportRoadmapCommandValidatorTests() => ApplicationDefaults.Apply();

    [Fact]
    public async Task A_valid_document_passes()
    {
        var (result, handled) = await Validate(TestDocuments.Small());

        result.IsSuccess.Should().BeTrue();
        handled.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_title_is_reported_at_title_once(string title)
    {
        var details = await Faults(TestDocuments.Small() with { Title = title });

        details.Keys.Should().Equal("title");
        details["title"].Should().ContainSingle();
    }

    [Fact]
    public async Task An_invisible_title_is_reported_at_title()
    {
        var details = await Faults(TestDocuments.Small() with { Title = "\u200B\u0301" });

        details["title"].Should().Equal("A title must show something (invisible characters alone are none).");
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u2060\uFEFF \u3164")]
    [InlineData("\u0301")]
    public async Task An_invisible_summary_is_reported_like_an_invisible_title(string summary)
    {
        var details = await Faults(TestDocuments.Small().WithTopic(0, 1, t => t with { Summary = summary }));

        details.Keys.Should().Equal("sections[0].topics[1].summary");
        details["sections[0].topics[1].summary"].Should().Equal("A summary must show something (invisible characters alone are none).");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public async Task A_missing_summary_is_reported_once(string summary)
    {
        var details = await Faults(TestDocuments.Small().WithTopic(0, 1, t => t with { Summary = summary }));

        details["sections[0].topics[1].summary"].Should().ContainSingle();
    }

    [Theory]
    [InlineData("x\U000E0041y")]
    [InlineData("Basics\u2028Advanced")]
    [InlineData("a\uFFF9b\uFFFAhidden\uFFFB")]
    [InlineData("a\uFEFFb")]
    public async Task A_title_that_hides_or_breaks_text_is_reported(string title)
    {
        var details = await Faults(TestDocuments.Small() with { Title = title });

        details["title"].Should().Equal(
            "A title may not contain control characters, line separators or invisible format characters (text-direction marks, zero-width spaces, tags).");
    }

    [Fact]
    public async Task A_title_of_201_characters_is_reported()
    {
        var details = await Faults(TestDocuments.Small() with { Title = new string('t', 201) });

        details.Keys.Should().Equal("title");
    }

    [Theory]
    [InlineData("Test-Roadmap")]
    [InlineData("test--roadmap")]
    [InlineData("")]
    public async Task A_bad_roadmap_slug_is_reported_at_slug(string slug)
    {
        var details = await Faults(TestDocuments.Small() with { Slug = slug });

        details.Keys.Should().Equal("slug");
        details["slug"].Single().Should().Contain("kebab-case");
    }

    [Fact]
    public async Task Bad_section_and_topic_slugs_are_reported_at_their_paths()
    {
        var document = TestDocuments.Small()
            .WithSection(1, s => s with { Slug = "Advanced" })
            .WithTopic(1, 0, t => t with { Slug = "c_" });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo("sections[1].slug", "sections[1].topics[0].slug");
    }

    [Fact]
    public async Task Faults_in_two_sections_are_both_reported()
    {
        var document = TestDocuments.Small()
            .WithTopic(0, 1, t => t with { Slug = "B" })
            .WithSection(1, s => s with { Slug = "Advanced" });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo(["sections[0].topics[1].slug", "sections[1].slug"], "a document is refused with a message per offending field");
    }

    [Fact]
    public async Task Faults_in_two_topics_of_a_section_are_both_reported()
    {
        var document = TestDocuments.Small()
            .WithTopic(0, 0, t => t with { EstimatedMinutes = 0 })
            .WithTopic(0, 1, t => t with { EstimatedMinutes = 0 });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo(
            ["sections[0].topics[0].estimatedMinutes", "sections[0].topics[1].estimatedMinutes"], "a document is refused with a message per offending field");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    [InlineData(null)]
    public async Task An_estimate_outside_1_to_10000_minutes_is_reported(int? minutes)
    {
        var details = await Faults(TestDocuments.Small().WithTopic(0, 0, t => t with { EstimatedMinutes = minutes }));

        details.Keys.Should().Equal("sections[0].topics[0].estimatedMinutes");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public async Task An_estimate_of_1_or_10000_minutes_is_accepted(int minutes)
    {
        var (result, _) = await Validate(TestDocuments.Small().WithTopic(0, 0, t => t with { EstimatedMinutes = minutes }));

        result.IsSuccess.Should().BeTrue();
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/docs/relative")]
    [InlineData("")]
    public async Task A_resource_url_that_is_not_http_is_reported_at_its_path(string url)
    {
        var document = TestDocuments.Small().WithTopic(1, 0, t => t with
        {
            Resources = [new ResourceDocument { Title = "Bad", Url = url, Type = ResourceType.Article }],
        });

        var details = await Faults(document);

        details.Keys.Should().Equal("sections[1].topics[0].resources[0].url");
        details["sections[1].topics[0].resources[0].url"].Single().Should().Contain("http");
    }

    [Fact]
    public async Task A_summary_of_4001_characters_is_reported_but_4000_is_accepted()
    {
        var details = await Faults(TestDocuments.Small().WithTopic(0, 1, t => t with { Summary = new string('s', 4_001) }));
        var (atLimit, _) = await Validate(TestDocuments.Small().WithTopic(0, 1, t => t with { Summary = new string('s', 4_000) }));

        details.Keys.Should().Equal("sections[0].topics[1].summary");
        atLimit.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Missing_kind_difficulty_and_resource_type_are_reported()
    {
        var document = TestDocuments.Small().WithTopic(0, 0, t => t with
        {
            Kind = null,
            Difficulty = null,
            Resources = [new ResourceDocument { Title = "Docs", Url = "https://example.org" }],
        });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo(
            "sections[0].topics[0].kind", "sections[0].topics[0].difficulty", "sections[0].topics[0].resources[0].type");
    }

    [Fact]
    public async Task More_than_50_prerequisites_are_reported_on_the_list()
    {
        var fiftyOne = Enumerable.Range(1, 51).Select(i => $"p{i}").ToList();

        var details = await Faults(TestDocuments.Small().WithTopic(1, 0, t => t with { Prerequisites = fiftyOne }));
        var (fifty, _) = await Validate(TestDocuments.Small().WithTopic(1, 0, t => t with { Prerequisites = fiftyOne[..50] }));

        details.Keys.Should().Equal("sections[1].topics[0].prerequisites");
        details["sections[1].topics[0].prerequisites"].Single().Should().Contain("50");
        fifty.IsSuccess.Should().BeTrue("unknown prerequisites are the domain's concern, not the validator's");
    }

    [Fact]
    public async Task A_prerequisite_and_a_former_slug_that_are_not_slugs_are_reported_at_their_positions()
    {
        var document = TestDocuments.Small().WithTopic(0, 1, t => t with { Prerequisites = ["a", "Not A Slug"], FormerSlugs = ["B"] });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo("sections[0].topics[1].prerequisites[1]", "sections[0].topics[1].formerSlugs[0]");
    }

    [Fact]
    public async Task A_null_section_is_reported_at_its_index()
    {
        var document = TestDocuments.Small() with { Sections = [TestDocuments.Small().Sections[0], null!] };

        var details = await Faults(document);

        details.Keys.Should().Equal("sections[1]");
    }

    [Fact]
    public async Task A_null_topic_is_reported_at_its_index()
    {
        var document = TestDocuments.Small().WithSection(0, s => s with { Topics = [null!, .. s.Topics] });

        var details = await Faults(document);

        details.Keys.Should().Equal("sections[0].topics[0]");
    }

    [Fact]
    public async Task An_empty_section_list_is_reported()
    {
        var details = await Faults(TestDocuments.Small() with { Sections = [] });

        details.Keys.Should().Equal("sections");
    }

    [Fact]
    public async Task A_missing_section_list_is_reported()
    {
        var details = await Faults(TestDocuments.Small() with { Sections = null! });

        details.Keys.Should().Equal("sections");
    }

    [Fact]
    public async Task A_section_without_topics_is_reported()
    {
        var details = await Faults(TestDocuments.Small().WithSection(1, s => s with { Topics = [] }));

        details.Keys.Should().Equal("sections[1].topics");
    }

    [Fact]
    public async Task More_than_100_sections_are_reported()
    {
        var sections = Enumerable.Range(0, 101)
            .Select(i => new SectionDocument { Slug = $"s{i}", Title = $"S{i}", Topics = [TestDocuments.Topic($"t{i}")] })
            .ToList();

        var details = await Faults(TestDocuments.Small() with { Sections = sections });

        details.Keys.Should().Equal("sections");
    }

    [Fact]
    public async Task A_missing_document_is_reported()
    {
        var details = await Faults(null!);

        details.Keys.Should().Equal("document");
    }

    [Fact]
    public async Task Every_fault_of_a_topic_is_reported_without_the_document_prefix()
    {
        var document = (TestDocuments.Small() with { Title = "" })
            .WithTopic(1, 0, t => t with
            {
                EstimatedMinutes = 0,
                Resources = [new ResourceDocument { Title = "", Url = "ftp://x", Type = ResourceType.Book }],
            });

        var details = await Faults(document);

        details.Keys.Should().BeEquivalentTo(
            "title",
            "sections[1].topics[0].estimatedMinutes",
            "sections[1].topics[0].resources[0].title",
            "sections[1].topics[0].resources[0].url");
    }

    [Fact]
    public async Task A_document_slug_other_than_the_route_slug_is_reported_at_slug()
    {
        var details = await Faults(TestDocuments.Small(), routeSlug: "other-roadmap");

        details.Keys.Should().Equal("slug");
    }

    [Fact]
    public async Task A_document_slug_equal_to_the_route_slug_passes()
    {
        var (result, _) = await Validate(TestDocuments.Small(), routeSlug: TestDocuments.Slug);

        result.IsSuccess.Should().BeTrue();
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> Faults(RoadmapDocument document, string? routeSlug = null)
    {
        var (result, handled) = await Validate(document, routeSlug);

        result.IsSuccess.Should().BeFalse();
        handled.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Validation);
        return result.Error.Details!;
    }

    private static async Task<(Result<ImportRoadmapResult> Result, bool Handled)> Validate(RoadmapDocument document, string? routeSlug = null)
    {
        var behaviour = new ValidationBehaviour<ImportRoadmapCommand, Result<ImportRoadmapResult>>([new ImportRoadmapCommandValidator()]);
        var handled = false;
        var result = await behaviour.Handle(new ImportRoadmapCommand(document, RouteSlug: routeSlug), TestContext.Current.CancellationToken, () =>
        {
            handled = true;
            return Task.FromResult<Result<ImportRoadmapResult>>(
                new ImportRoadmapResult(TestDocuments.Slug, true, RoadmapStatus.Draft, 0, new RoadmapChangesDto(true, 0, 0, 0, 0, 0, 0)));
        });
        return (result, handled);
    }
}
