using Roadmap.Application.Catalog.Roadmaps;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>The revisions of the roadmaps a test repository holds, counting the questions.</summary>
internal sealed class RepositoryRevisions(InMemoryRepository<LearningRoadmap> repository) : IRoadmapRevisionReader
{
    public int Asked { get; private set; }

    public Task<int?> FindRevisionAsync(string slug, CancellationToken cancellationToken)
    {
        Asked++;
        return Task.FromResult(repository.Items.FirstOrDefault(r => r.Slug == slug)?.Revision);
    }
}
