// Deliberately bad (and a few good) types. Each rule is run over its sample namespace and must flag exactly
// the types it lists as bad samples, which proves the rule can fail and does not over-reach. They live in
// this test assembly, which the rules for the real code never scan.
using System.Text.Json.Serialization;
using Ardalis.Specification;
using FluentValidation;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using Npgsql;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

// Domain: each bad sample uses a library through a different place the dependency search must look.
namespace Roadmap.Architecture.Tests.Samples.Domain
{
    public sealed class KnowsTheApplication
    {
        public Application.UsesOnlyAbstractions? Service { get; init; }
    }

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

    public sealed class ConfiguresMapster
    {
        public TypeAdapterConfig Config { get; } = new();
    }

    public sealed class HoldsAJobClient
    {
        public IBackgroundJobClient? Jobs { get; init; }
    }

    public sealed class IsASpecification : Specification<OnlyBcl>;

    public sealed record HasJsonAttributes([property: JsonPropertyName("n")] string Name);

    /// <summary>A job storage: Hangfire's, and Infrastructure's alone.</summary>
    public static class ChoosesAJobStorage
    {
        public static SQLiteStorageOptions Options() => new();
    }

    /// <summary>An EF Core provider: EF Core's, and Infrastructure's alone.</summary>
    public static class ChoosesSqlServer
    {
        public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder) => builder.UseSqlServer("Server=.");
    }

    public sealed record OnlyBcl(string Name, DateTimeOffset At, IReadOnlyList<int> Numbers)
    {
        public bool IsRecent(TimeProvider clock) => clock.GetUtcNow() - At < TimeSpan.FromDays(1) && Numbers.Any(n => n > 0);

        // Enough cases for the compiler to hash the string through <PrivateImplementationDetails>.
        public int Rank() => Name switch
        {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            _ => 0,
        };
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

// Application: Hangfire, EF Core, ASP.NET Core and database drivers are off limits; MediatR, FluentValidation and abstractions are not.
namespace Roadmap.Architecture.Tests.Samples.Application
{
    public sealed class KnowsTheInfrastructure
    {
        public Infrastructure.UsesEfCore? Persistence { get; init; }
    }

    public sealed class UsesADbContext
    {
        public DbContext? Context { get; init; }
    }

    public static class EnqueuesAJob
    {
        public static string Enqueue(IBackgroundJobClient jobs) => jobs.Enqueue(() => Console.WriteLine("job"));
    }

    public static class StoresJobsInPostgres
    {
        public static PostgreSqlStorageOptions Options() => new() { PrepareSchemaIfNecessary = false };
    }

    public static class ChoosesNpgsql
    {
        public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder) => builder.UseNpgsql("Host=localhost");
    }

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

    public static class OpensANpgsqlConnection
    {
        public static NpgsqlConnection Create(string connectionString) => new(connectionString);
    }

    public static class OpensASqlServerConnection
    {
        public static SqlConnection Create(string connectionString) => new(connectionString);
    }

    public static class CallsSqlitePcl
    {
        public static int Version() => SQLitePCL.raw.sqlite3_libversion_number();
    }

    public sealed class UsesOnlyAbstractions(ILogger<UsesOnlyAbstractions> logger, IMediator mediator, IValidator<string> validator)
    {
        public Task<Domain.OnlyBcl> Send(IRequest<Domain.OnlyBcl> request, CancellationToken cancellationToken) =>
            logger.IsEnabled(LogLevel.Debug) && !validator.Validate("x").IsValid
                ? Task.FromResult(new Domain.OnlyBcl("x", DateTimeOffset.UnixEpoch, []))
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
        public static Type Endpoints => typeof(Api.HostsTheDashboard);
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

// Api: job storages and EF Core providers are Infrastructure's; Hangfire's dashboard and EF Core itself are not.
namespace Roadmap.Architecture.Tests.Samples.Api
{
    public static class ConfiguresAJobStorage
    {
        public static IGlobalConfiguration Use(IGlobalConfiguration configuration) => configuration.UseSqlServerStorage("Server=.");
    }

    public static class ChoosesSqlite
    {
        public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=roadmap.db");
    }

    public sealed class HostsTheDashboard
    {
        public DashboardOptions Dashboard { get; } = new() { DashboardTitle = "Jobs" };

        public DbContext? Context { get; init; }
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

    /// <summary>Implements the handler interface only through its MediatR base class.</summary>
    internal class UnsealedPingHandler : AsyncRequestHandler<Ping>
    {
        protected override Task Handle(Ping request, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed record Ping : IRequest;
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

    /// <summary>Sealed, but a class, not a record.</summary>
    public sealed class RenameThingCommand(string name) : ICommand<Result>
    {
        public string Name { get; } = name;
    }

    /// <summary>Named a query but typed as a command.</summary>
    public sealed record FindThingQuery(string Name) : ICommand<Result>;
}

// Entities: whatever derives from Entity, and the owned types EF Core maps with them.
namespace Roadmap.Architecture.Tests.Samples.Entities
{
    public sealed class Course : AggregateRoot
    {
        private readonly List<Tag> _tags = [];
        private readonly List<Step> _steps = [];

        private Course()
        {
            Title = string.Empty;
        }

        public string Title { get; private set; }

        public IReadOnlyList<Tag> Tags => _tags;

        public IReadOnlyList<Step> Steps => _steps;

        public static Course Create(string title) => new() { Id = Guid.CreateVersion7(), Title = title };
    }

    /// <summary>Unsealed, so its constructor for EF is protected.</summary>
    public class Lesson : Entity
    {
        protected Lesson()
        {
        }

        public int Position { get; protected set; }
    }

    /// <summary>Owned by <see cref="Course"/>, with a public setter.</summary>
    public sealed class Tag
    {
        private Tag()
        {
            Label = string.Empty;
        }

        public string Label { get; set; }
    }

    /// <summary>Owned by <see cref="Course"/>; EF binds its constructor, but nothing stops anyone else calling it.</summary>
    public sealed class Step(string text)
    {
        public string Text { get; private set; } = text;
    }

    public sealed class HasAPublicSetter : Entity
    {
        private HasAPublicSetter()
        {
        }

        public string Name { get; set; } = string.Empty;
    }

    public sealed class HasAnInitSetter : Entity
    {
        private HasAnInitSetter()
        {
        }

        public string Name { get; init; } = string.Empty;
    }

    public sealed class HasAPublicField : Entity
    {
#pragma warning disable CA1051 // The sample's point: a public field is a public setter.
        public int Count;
#pragma warning restore CA1051

        private HasAPublicField()
        {
        }
    }

    public sealed class HasAPublicParameterlessConstructor : Entity
    {
        public string Name { get; private set; } = string.Empty;
    }

    public sealed class NeedsArguments(string name) : Entity
    {
        public string Name { get; private set; } = name;
    }

    /// <summary>Maps the owned types, which only its model tells apart from other classes.</summary>
    public sealed class CourseDbContext(DbContextOptions<CourseDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Course>(course =>
            {
                course.Ignore(c => c.DomainEvents);
                course.OwnsMany(c => c.Tags);
                course.OwnsMany(c => c.Steps);
            });
    }
}

// Domain events: immutable, named *DomainEvent, and whatever is named so is one.
namespace Roadmap.Architecture.Tests.Samples.DomainEvents
{
    public sealed record LessonAddedDomainEvent(Guid LessonId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed class LessonPublishedDomainEvent : IDomainEvent
    {
        public required Guid LessonId { get; init; }

        public DateTimeOffset OccurredAt { get; init; }
    }

    public sealed class LessonMovedDomainEvent : IDomainEvent
    {
        public int Position { get; set; }

        public DateTimeOffset OccurredAt { get; init; }
    }

    public sealed class LessonCountedDomainEvent(DateTimeOffset occurredAt) : IDomainEvent
    {
#pragma warning disable CA1051 // The sample's point: a writable field.
        public int Count;
#pragma warning restore CA1051

        public DateTimeOffset OccurredAt { get; } = occurredAt;
    }

    public sealed record LessonRemoved(Guid LessonId, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <summary>Named an event, but neither one nor immutable.</summary>
    public sealed class LessonRenamedDomainEvent
    {
        public string Title { get; set; } = string.Empty;
    }
}

// EF configurations: one per entity, named after it.
namespace Roadmap.Architecture.Tests.Samples.Configurations
{
    public sealed class Lesson
    {
        public Guid Id { get; private set; }
    }

    public sealed class Course
    {
        public Guid Id { get; private set; }
    }

    public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
    {
        public void Configure(EntityTypeBuilder<Lesson> builder) => builder.ToTable("lessons");
    }

    /// <summary>ASP.NET Core Identity's entities are named without their Identity prefix.</summary>
    public sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
    {
        public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");
    }

    public sealed class LessonMapping : IEntityTypeConfiguration<Lesson>
    {
        public void Configure(EntityTypeBuilder<Lesson> builder) => builder.HasKey(lesson => lesson.Id);
    }

    /// <summary>Named after an entity it does not configure.</summary>
    public sealed class CourseConfiguration : IEntityTypeConfiguration<Lesson>
    {
        public void Configure(EntityTypeBuilder<Lesson> builder) => builder.Property(lesson => lesson.Id).ValueGeneratedNever();
    }

    /// <summary>One class for two entities.</summary>
    public sealed class CatalogConfiguration : IEntityTypeConfiguration<Lesson>, IEntityTypeConfiguration<Course>
    {
        public void Configure(EntityTypeBuilder<Lesson> builder) => builder.ToTable("catalog_lessons");

        public void Configure(EntityTypeBuilder<Course> builder) => builder.ToTable("catalog_courses");
    }
}
