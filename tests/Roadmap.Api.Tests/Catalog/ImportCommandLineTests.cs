using FluentAssertions;
using Roadmap.Api.Common;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Tests.Catalog;

/// <summary>The import command's one line per roadmap.</summary>
public sealed class ImportCommandLineTests
{
    [Fact]
    public void A_created_result_reads_as_one_line()
    {
        var result = new ImportRoadmapResult("backend", true, RoadmapStatus.Draft, 0, new RoadmapChangesDto(true, 2, 0, 0, 3, 0, 0));

        CommandLine.Describe(result).Should().Be("backend: created with 2 sections and 3 topics (Draft, version 0)");
    }

    [Fact]
    public void An_updated_result_reads_as_one_line_with_every_count()
    {
        var result = new ImportRoadmapResult("backend", false, RoadmapStatus.Published, 4, new RoadmapChangesDto(true, 1, 2, 3, 4, 5, 6));

        CommandLine.Describe(result).Should().Be(
            "backend: updated: sections +1 ~2 -3, topics +4 ~5 -6, title/description changed (Published, version 4)");
    }

    [Fact]
    public void An_update_of_topics_only_does_not_mention_the_title()
    {
        var result = new ImportRoadmapResult("backend", false, RoadmapStatus.Draft, 0, new RoadmapChangesDto(false, 0, 0, 0, 0, 1, 0));

        CommandLine.Describe(result).Should().Be("backend: updated: sections +0 ~0 -0, topics +0 ~1 -0 (Draft, version 0)");
    }
}
