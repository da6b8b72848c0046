// Deliberately bad (and a few good) types. Each rule is run over its sample namespace and must flag exactly
// the types it lists as bad samples, which proves the rule can fail and does not over-reach. They live in
// this test assembly, which the rules for the real code never scan.
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

// Domain: each bad sample uses EF Core or MediatR through a different place the walker must look.
namespace Roadmap.Architecture.Tests.Samples.Domain
{
    public sealed class DerivesFromDbContext : DbContext;

    public sealed class ImplementsAMediatRInterface : INotification;

    [Keyless]
    public sealed class HasAnEfAttribute;

    public sealed class HasEfCoreInAGenericArgument
    {
        public IReadOnlyList<Dictionary<string, DbContextOptions>> Options { get; init; } = [];
    }

    public static class TakesEfCoreAsAParameter
    {
        public static string Describe(DbContextOptionsBuilder? builder) => builder is null ? "none" : "some";
    }

    public static class UsesEfCoreInALambda
    {
        // The type test is compiled into a closure class nested in this one.
        public static bool AnyContext(IEnumerable<object> items) => items.Any(item => item is DbContext);
    }

    public sealed record OnlyBcl(string Name, DateTimeOffset At, IReadOnlyList<int> Numbers)
    {
        public bool IsRecent(TimeProvider clock) => clock.GetUtcNow() - At < TimeSpan.FromDays(1) && Numbers.Any(n => n > 0);
    }
}

// Modules in the domain: Catalog must not use Learning; Learning may use Catalog's domain.
namespace Roadmap.Architecture.Tests.Samples.Domain.Catalog
{
    public sealed class CatalogTopic
    {
        public static int CountStudied(IReadOnlyList<Learning.TopicProgress> progress) => progress.Count;
    }
}

namespace Roadmap.Architecture.Tests.Samples.Domain.Learning
{
    public sealed class TopicProgress
    {
        public Catalog.CatalogTopic? Topic { get; init; }
    }
}

// Application: EF Core, ASP.NET Core and SQLite are off limits; MediatR, FluentValidation and abstractions are not.
namespace Roadmap.Architecture.Tests.Samples.Application
{
    public static class CallsEfCore
    {
        public static IQueryable<T> Untracked<T>(IQueryable<T> query)
            where T : class => query.AsNoTracking();
    }

    public sealed class ReadsTheHttpContext
    {
        public HttpContext? Context { get; init; }
    }

    public static class OpensASqliteConnection
    {
        public static SqliteConnection Create(string connectionString) => new(connectionString);
    }

    public sealed class UsesOnlyAbstractions(ILogger<UsesOnlyAbstractions> logger, IMediator mediator, IValidator<string> validator)
    {
        public Task<Result> Send(IRequest<Result> request, CancellationToken cancellationToken) =>
            logger.IsEnabled(LogLevel.Debug) && !validator.Validate("x").IsValid
                ? Task.FromResult(Result.Success())
                : mediator.Send(request, cancellationToken);
    }
}

// Application modules: Learning may use Catalog, but only through Catalog's Contracts.
namespace Roadmap.Architecture.Tests.Samples.Application.Catalog.Contracts
{
    public sealed record RoadmapSummary(string Slug);
}

namespace Roadmap.Architecture.Tests.Samples.Application.Catalog.Roadmaps
{
    public sealed class RoadmapInternals
    {
        public string Slug { get; init; } = "";
    }
}

namespace Roadmap.Architecture.Tests.Samples.Application.Insights.Contracts
{
    public sealed record InsightDto(string Title);
}

namespace Roadmap.Architecture.Tests.Samples.Application.Learning
{
    public sealed class UsesCatalogContracts
    {
        public Catalog.Contracts.RoadmapSummary? Roadmap { get; init; }
    }

    public static class UsesCatalogInternals
    {
        // Only the method body reaches into Catalog.
        public static string NewSlug() => new Catalog.Roadmaps.RoadmapInternals().Slug;
    }
}

// Infrastructure: the Api is off limits.
namespace Roadmap.Architecture.Tests.Samples.Infrastructure
{
    public static class KnowsTheApi
    {
        public static Type EntryPoint => typeof(global::Program);
    }

    public sealed class UsesEfCore
    {
        public IReadOnlyList<DbContext> Contexts { get; init; } = [];
    }
}

// Infrastructure modules: Identity stands alone, even through its Contracts.
namespace Roadmap.Architecture.Tests.Samples.Infrastructure.Identity.Contracts
{
    public interface IUserDirectory
    {
        string NameOf(Guid userId);
    }
}

namespace Roadmap.Architecture.Tests.Samples.Infrastructure.Learning
{
    public sealed class KnowsTheUsers : Identity.Contracts.IUserDirectory
    {
        public string NameOf(Guid userId) => userId.ToString();
    }
}

// Api modules: Identity uses no module; Catalog uses none; Insights may use Learning and Catalog.
namespace Roadmap.Architecture.Tests.Samples.Api.Identity
{
    public static class SignInEndpoints
    {
        public static Func<Application.Catalog.Contracts.RoadmapSummary, string> Slug => summary => summary.Slug;
    }
}

namespace Roadmap.Architecture.Tests.Samples.Api.Catalog
{
    public sealed class ShowsInsights
    {
        public List<Application.Insights.Contracts.InsightDto> Insights { get; init; } = [];
    }
}

namespace Roadmap.Architecture.Tests.Samples.Api.Insights
{
    public sealed class InsightsEndpoints
    {
        public Application.Catalog.Contracts.RoadmapSummary? Roadmap { get; init; }

        public Domain.Learning.TopicProgress? Progress { get; init; }
    }
}

namespace Roadmap.Architecture.Tests.Samples.Handlers
{
    public class PublicHandler : IRequestHandler<Requests.GetThingQuery, Result>
    {
        public Task<Result> Handle(Requests.GetThingQuery request, CancellationToken cancellationToken) => Task.FromResult(Result.Success());
    }

    internal class UnsealedNotificationHandler : INotificationHandler<ThingHappened>
    {
        public Task Handle(ThingHappened notification, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    internal sealed class InternalSealedHandler : IRequestHandler<Requests.ChangeThingCommand, Result>
    {
        public Task<Result> Handle(Requests.ChangeThingCommand request, CancellationToken cancellationToken) => Task.FromResult(Result.Success());
    }

    public sealed record ThingHappened(Guid ThingId) : INotification;
}

namespace Roadmap.Architecture.Tests.Samples.Requests
{
    /// <summary>Not a record, not sealed, and named neither *Command nor *Query.</summary>
    public class DoThing : IRequest<Result>;

    /// <summary>Named a command but typed as a query.</summary>
    public sealed record DoThingCommand : IQuery<Result>;

    public record ListThingsQuery(int Page) : IQuery<Result>;

    public sealed record GetThingQuery(Guid Id) : IQuery<Result>;

    public sealed record ChangeThingCommand(Guid Id, string Name) : ICommand<Result>;
}
