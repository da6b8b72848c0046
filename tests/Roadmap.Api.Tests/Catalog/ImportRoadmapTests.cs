using System.Net;
using System.Text.Json;
using FluentAssertions;
using MapsterMapper;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Application.Catalog.Roadmaps.ExportRoadmap;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Catalog;

/// <summary>Roadmap-as-code import on a real database: upsert by slug, versions, renames, retirement, races.</summary>
public abstract class ImportRoadmapTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());

        var first = await Send(new ImportRoadmapCommand(document, Publish: true));
        var second = await Send(new ImportRoadmapCommand(document));

        first.Value.Value.Created.Should().BeTrue();
        first.Value.Value.Version.Should().Be(1);
        second.Value.Value.Created.Should().BeFalse();
        second.Value.Value.Changes.Should().Be(RoadmapChangesDto.None);
        second.Value.Value.Version.Should().Be(1);
    }

    [Fact]
    public async Task Export_gives_back_the_imported_document_and_reimporting_it_changes_nothing()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document));

        var exported = (await Send(new ExportRoadmapQuery(document.Slug))).Value.Value;
        var reimported = await Send(new ImportRoadmapCommand(exported));

        JsonSerializer.Serialize(exported, Json).Should().Be(JsonSerializer.Serialize(document, Json));
        reimported.Value.Value.Changes.Should().Be(RoadmapChangesDto.None);
    }

    [Fact]
    public async Task Changing_a_published_roadmap_increments_its_version_and_refreshes_cached_reads()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document, Publish: true));
        using var client = Client();
        var before = await client.GetAsync($"/api/roadmaps/{document.Slug}", Ct);
        (await client.GetAsync($"/api/roadmaps/{document.Slug}", Ct)).Headers.ETag.Should().Be(before.Headers.ETag, "the second read is cached");

        var changed = document.WithTopics(1, TestDocuments.Topic("c", ["b"]) with { EstimatedMinutes = 90 });
        var result = await Send(new ImportRoadmapCommand(changed));

        result.Value.Value.Version.Should().Be(2);
        result.Value.Value.Changes.TopicsUpdated.Should().Be(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/roadmaps/{document.Slug}");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(request, Ct);
        after.StatusCode.Should().Be(HttpStatusCode.OK, "the old ETag no longer matches");
        var roadmap = await Read<RoadmapDto>(after);
        roadmap.Version.Should().Be(2);
        roadmap.Sections[1].Topics.Single().EstimatedMinutes.Should().Be(90);
    }

    [Fact]
    public async Task A_rename_with_former_slugs_keeps_the_topic_id_and_the_old_slug_still_resolves()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document, Publish: true));
        using var client = Client();
        var original = await Read<TopicDetailsDto>(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c", Ct));

        var renamed = document.WithTopics(1, TestDocuments.Topic("c-renamed", ["b"], formerSlugs: ["c"]));
        var result = await Send(new ImportRoadmapCommand(renamed));

        result.Value.Value.Changes.TopicsAdded.Should().Be(0);
        result.Value.Value.Changes.TopicsUpdated.Should().Be(1);
        var byNewSlug = await Read<TopicDetailsDto>(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c-renamed", Ct));
        var byOldSlug = await Read<TopicDetailsDto>(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c", Ct));
        byNewSlug.Topic.Id.Should().Be(original.Topic.Id);
        byOldSlug.Topic.Id.Should().Be(original.Topic.Id);
        byNewSlug.Topic.FormerSlugs.Should().Contain("c");
    }

    [Fact]
    public async Task A_topic_left_out_is_retired_and_comes_back_with_its_identity()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document, Publish: true));
        using var client = Client();
        var original = await Read<TopicDetailsDto>(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c", Ct));

        var withoutC = document with { Sections = [document.Sections[0]] };
        var removed = await Send(new ImportRoadmapCommand(withoutC));
        var gone = await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c", Ct);
        var restored = await Send(new ImportRoadmapCommand(document));
        var back = await Read<TopicDetailsDto>(await client.GetAsync($"/api/roadmaps/{document.Slug}/topics/c", Ct));

        removed.Value.Value.Changes.TopicsRetired.Should().Be(1);
        removed.Value.Value.Changes.SectionsRetired.Should().Be(1);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        restored.Value.Value.Version.Should().Be(3);
        back.Topic.Id.Should().Be(original.Topic.Id);
    }

    [Fact]
    public async Task A_document_with_a_cycle_is_refused_naming_the_cycle_and_changes_nothing()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document, Publish: true));

        var cyclic = document.WithTopics(0, TestDocuments.Topic("a", ["b"]), TestDocuments.Topic("b", ["a"]));
        var result = await Send(new ImportRoadmapCommand(cyclic));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Unprocessable);
        result.Error.Message.Should().Contain("a → b → a");
        var stored = (await Send(new ExportRoadmapQuery(document.Slug))).Value.Value;
        JsonSerializer.Serialize(stored, Json).Should().Be(JsonSerializer.Serialize(document, Json));
    }

    [Fact]
    public async Task Concurrent_writers_do_not_lose_an_update()
    {
        var document = TestDocuments.Small(TestDocuments.NewSlug());
        await Send(new ImportRoadmapCommand(document, Publish: true));
        Client().Dispose();

        // Writer A reads the roadmap, writer B changes and saves it, then A saves its own change.
        await using var scopeA = Factory.Services.CreateAsyncScope();
        var unitOfWork = scopeA.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var roadmapsA = scopeA.ServiceProvider.GetRequiredService<IRepository<LearningRoadmap>>();
        var staleCopy = (await roadmapsA.FirstOrDefaultAsync(new RoadmapWithContentBySlugSpec(document.Slug, forUpdate: true), Ct))!;
        await Send(new ImportRoadmapCommand(document with { Title = "Title by B" }));
        var content = scopeA.ServiceProvider.GetRequiredService<IMapper>().Map<RoadmapContent>(document with { Title = "Title by A" });
        staleCopy.Apply(content, DateTimeOffset.UtcNow).IsSuccess.Should().BeTrue();

        var save = async () =>
        {
            await using var transaction = await unitOfWork.BeginTransactionAsync(Ct);
            await unitOfWork.CommitAsync(Ct);
        };

        await save.Should().ThrowAsync<ConcurrencyConflictException>();
        (await Send(new ExportRoadmapQuery(document.Slug))).Value.Value.Title.Should().Be("Title by B");
    }

    [Fact]
    public async Task The_import_command_prints_one_line_per_roadmap_and_fails_on_a_bad_file()
    {
        Client().Dispose();
        var folder = Directory.CreateTempSubdirectory("roadmap-import-");
        var good = Path.Combine(folder.FullName, "good.json");
        var bad = Path.Combine(folder.FullName, "bad.json");
        var slug = TestDocuments.NewSlug();
        await File.WriteAllTextAsync(good, JsonSerializer.Serialize(TestDocuments.Small(slug), Json), Ct);
        await File.WriteAllTextAsync(bad, """{ "slug": "Not A Slug", "title": "" }""", Ct);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.Parse(["import", "--publish", good, bad]).RunAsync(Factory.Services, TextReader.Null, output, error, Ct);
        using var again = new StringWriter();
        var repeatExit = await CommandLine.Parse(["import", good]).RunAsync(Factory.Services, TextReader.Null, again, TextWriter.Null, Ct);

        exit.Should().Be(1);
        output.ToString().Trim().Should().Be($"{slug}: created with 2 sections and 3 topics (Published, version 1)");
        var failures = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        failures.Should().ContainSingle().Which.Should().Contain("bad.json").And.Contain("slug", "a failure goes to the error stream");
        repeatExit.Should().Be(0);
        again.ToString().Trim().Should().Be($"{slug}: unchanged (Published, version 1)");
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_import_command_says_what_is_wrong_with_a_file_in_the_documents_terms()
    {
        Client().Dispose();
        var folder = Directory.CreateTempSubdirectory("roadmap-import-");
        var unknown = Path.Combine(folder.FullName, "unknown.json");
        await File.WriteAllTextAsync(unknown, """{ "slug": "x", "title": "X", "colour": "red" }""", Ct);
        using var error = new StringWriter();

        var exit = await CommandLine.Parse(["import", unknown, folder.FullName]).RunAsync(Factory.Services, TextReader.Null, TextWriter.Null, error, Ct);

        exit.Should().Be(1);
        error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{unknown}: not a roadmap document: colour: This property is not part of the format.",
            $"{folder.FullName}: a folder, not a roadmap document (name its files)");
        folder.Delete(recursive: true);
    }
}

public sealed class ImportRoadmapTests_Sqlite(SqliteApiFactory factory) : ImportRoadmapTests<SqliteApiFactory>(factory);

public sealed class ImportRoadmapTests_Postgres(PostgresApiFactory factory) : ImportRoadmapTests<PostgresApiFactory>(factory);
