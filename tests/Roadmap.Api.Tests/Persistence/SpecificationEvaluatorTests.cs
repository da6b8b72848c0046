using Ardalis.Specification;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Persistence;

/// <summary>
/// The EF Core evaluator of Ardalis specifications, on a small model of its own (blogs, posts, comments) in a real
/// SQLite file and a real PostgreSQL database: criteria, includes, order, paging, projection, tracking, split queries.
/// </summary>
public abstract class SpecificationEvaluatorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : EvaluatorDatabase
{
    private static readonly EfSpecificationEvaluator Evaluator = EfSpecificationEvaluator.Instance;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Criteria_select_the_rows_every_condition_holds_for()
    {
        await using var db = Open();

        var names = await Evaluator.GetQuery(db.Blogs, new BlogsSpec(minRating: 2, nameStartsWith: "b")).Select(b => b.Name).ToListAsync(Ct);

        names.Should().BeEquivalentTo("beta", "bravo");
    }

    [Fact]
    public async Task Includes_load_collections_and_what_hangs_below_them()
    {
        await using var db = Open();

        var withIncludes = await Evaluator.GetQuery(db.Blogs, new BlogByNameSpec("alpha", includePosts: true)).SingleAsync(Ct);
        await using var other = Open();
        var without = await Evaluator.GetQuery(other.Blogs, new BlogByNameSpec("alpha", includePosts: false)).SingleAsync(Ct);

        withIncludes.Posts.Select(p => p.Title).Should().BeEquivalentTo("alpha-1", "alpha-2");
        withIncludes.Posts.Single(p => p.Title == "alpha-1").Comments.Select(c => c.Text).Should().BeEquivalentTo("first!", "thanks");
        without.Posts.Should().BeEmpty();
    }

    [Fact]
    public async Task Order_sorts_by_the_first_key_then_the_next()
    {
        await using var db = Open();

        var blogs = await Evaluator.GetQuery(db.Blogs, new BlogsSpec(orderByRatingThenNameDescending: true)).Select(b => b.Name).ToListAsync(Ct);

        blogs.Should().Equal("delta", "charlie", "alpha", "bravo", "beta");
    }

    [Fact]
    public async Task Paging_skips_and_takes_after_ordering_while_a_count_ignores_it()
    {
        await using var db = Open();
        var page = new BlogsSpec(orderByRatingThenNameDescending: true, skip: 1, take: 2);

        var names = await Evaluator.GetQuery(db.Blogs, page).Select(b => b.Name).ToListAsync(Ct);
        var count = await Evaluator.GetQuery(db.Blogs, page, evaluateCriteriaOnly: true).CountAsync(Ct);

        names.Should().Equal("charlie", "alpha");
        count.Should().Be(5);
    }

    [Fact]
    public async Task A_projection_selects_in_the_query()
    {
        await using var db = Open();

        var query = Evaluator.GetQuery(db.Blogs, new BlogSummariesSpec());
        var summaries = await query.ToListAsync(Ct);

        summaries.Should().Equal(new BlogSummary("alpha", 2), new BlogSummary("beta", 0), new BlogSummary("bravo", 1), new BlogSummary("charlie", 0), new BlogSummary("delta", 0));
        query.ToQueryString().Should().NotContain("\"Rating\"", "only what the projection needs is read").And.ContainEquivalentOf("count(");
        db.ChangeTracker.Entries().Should().BeEmpty();
    }

    [Fact]
    public async Task Tracking_follows_the_specification()
    {
        await using var tracked = Open();
        await using var untracked = Open();

        await Evaluator.GetQuery(tracked.Blogs, new BlogsSpec()).ToListAsync(Ct);
        await Evaluator.GetQuery(untracked.Blogs, new BlogsSpec(noTracking: true)).ToListAsync(Ct);

        tracked.ChangeTracker.Entries<Blog>().Should().HaveCount(5);
        untracked.ChangeTracker.Entries().Should().BeEmpty();
    }

    [Fact]
    public async Task A_split_query_loads_collections_in_separate_statements()
    {
        await using var db = Open();

        var split = Evaluator.GetQuery(db.Blogs, new BlogByNameSpec("alpha", includePosts: true, split: true));
        var single = Evaluator.GetQuery(db.Blogs, new BlogByNameSpec("alpha", includePosts: true));

        split.ToQueryString().Should().Contain("split-query");
        single.ToQueryString().Should().NotContain("split-query");
        (await split.SingleAsync(Ct)).Posts.SelectMany(p => p.Comments).Should().HaveCount(3);
    }

    [Fact]
    public void Features_the_evaluator_does_not_handle_are_refused_rather_than_ignored()
    {
        using var db = Open();

        var search = () => Evaluator.GetQuery(db.Blogs, new SearchingSpec());

        search.Should().Throw<NotSupportedException>();
    }

    private EvaluatorContext Open()
    {
        Assert.SkipWhen(database.Unavailable is not null, database.Unavailable ?? string.Empty);
        return database.Open();
    }

    private sealed class BlogsSpec : Specification<Blog>
    {
        public BlogsSpec(int? minRating = null, string? nameStartsWith = null, bool orderByRatingThenNameDescending = false, int? skip = null, int? take = null, bool noTracking = false)
        {
            if (minRating is { } rating)
            {
                Query.Where(b => b.Rating >= rating);
            }

            if (nameStartsWith is { } prefix)
            {
                Query.Where(b => b.Name.StartsWith(prefix));
            }

            if (orderByRatingThenNameDescending)
            {
                Query.OrderBy(b => b.Rating).ThenByDescending(b => b.Name);
            }

            if (skip is { } s)
            {
                Query.Skip(s);
            }

            if (take is { } t)
            {
                Query.Take(t);
            }

            if (noTracking)
            {
                Query.AsNoTracking();
            }
        }
    }

    private sealed class BlogByNameSpec : Specification<Blog>
    {
        public BlogByNameSpec(string name, bool includePosts, bool split = false)
        {
            Query.Where(b => b.Name == name);
            if (includePosts)
            {
                Query.Include(b => b.Posts).ThenInclude(p => p.Comments);
            }

            if (split)
            {
                Query.AsSplitQuery();
            }
        }
    }

    private sealed class BlogSummariesSpec : Specification<Blog, BlogSummary>
    {
        public BlogSummariesSpec() => Query.OrderBy(b => b.Name).Select(b => new BlogSummary(b.Name, b.Posts.Count));
    }

    private sealed class SearchingSpec : Specification<Blog>
    {
        public SearchingSpec() => Query.Search(b => b.Name, "%a%");
    }
}

public sealed class SpecificationEvaluatorTests_Sqlite(SqliteEvaluatorDatabase database) : SpecificationEvaluatorTests<SqliteEvaluatorDatabase>(database);

public sealed class SpecificationEvaluatorTests_Postgres(PostgresEvaluatorDatabase database) : SpecificationEvaluatorTests<PostgresEvaluatorDatabase>(database);

public sealed class Blog
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Rating { get; set; }

    public List<Post> Posts { get; } = [];
}

public sealed class Post
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public List<Comment> Comments { get; } = [];
}

public sealed class Comment
{
    public int Id { get; set; }

    public required string Text { get; set; }
}

public sealed record BlogSummary(string Name, int Posts);

public sealed class EvaluatorContext(DbContextOptions<EvaluatorContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();
}

/// <summary>A database holding five blogs (alpha 1★ with two posts and three comments, beta 3★, bravo 2★ with a post, charlie 1★, delta 1★).</summary>
public abstract class EvaluatorDatabase : IAsyncLifetime
{
    public string? Unavailable { get; protected set; }

    public EvaluatorContext Open() => new(Configure(new DbContextOptionsBuilder<EvaluatorContext>()).Options);

    public async ValueTask InitializeAsync()
    {
        if (!await CreateAsync())
        {
            return;
        }

        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
        var alpha = new Blog { Name = "alpha", Rating = 1 };
        alpha.Posts.Add(new Post { Title = "alpha-1", Comments = { new Comment { Text = "first!" }, new Comment { Text = "thanks" } } });
        alpha.Posts.Add(new Post { Title = "alpha-2", Comments = { new Comment { Text = "more" } } });
        var bravo = new Blog { Name = "bravo", Rating = 2 };
        bravo.Posts.Add(new Post { Title = "bravo-1" });
        db.Blogs.AddRange(alpha, new Blog { Name = "beta", Rating = 3 }, bravo, new Blog { Name = "charlie", Rating = 1 }, new Blog { Name = "delta", Rating = 1 });
        await db.SaveChangesAsync();
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the empty database; false when this provider is not available here.</summary>
    protected abstract Task<bool> CreateAsync();

    protected abstract DbContextOptionsBuilder<EvaluatorContext> Configure(DbContextOptionsBuilder<EvaluatorContext> options);
}

public sealed class SqliteEvaluatorDatabase : EvaluatorDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"roadmap-evaluator-{Guid.NewGuid():N}.db");

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return ValueTask.CompletedTask;
    }

    protected override Task<bool> CreateAsync() => Task.FromResult(true);

    protected override DbContextOptionsBuilder<EvaluatorContext> Configure(DbContextOptionsBuilder<EvaluatorContext> options) =>
        options.UseSqlite($"Data Source={_file}");
}

public sealed class PostgresEvaluatorDatabase : EvaluatorDatabase
{
    private readonly string _database = $"roadmap_evaluator_{Guid.NewGuid():N}";
    private string? _server;

    public override async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await TestDatabases.DropAsync(_server, _database);
    }

    protected override async Task<bool> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresApiFactory.ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresApiFactory.RequiredVariable)))
            {
                throw new InvalidOperationException($"{PostgresApiFactory.RequiredVariable} is set but {PostgresApiFactory.ServerVariable} is not.");
            }

            Unavailable = $"PostgreSQL tests need {PostgresApiFactory.ServerVariable}.";
            return false;
        }

        _server = TestDatabases.Maintenance(server);
        await TestDatabases.ExecuteAsync(_server, $"CREATE DATABASE \"{_database}\"");
        return true;
    }

    protected override DbContextOptionsBuilder<EvaluatorContext> Configure(DbContextOptionsBuilder<EvaluatorContext> options) =>
        options.UseNpgsql(TestDatabases.On(_server!, _database));
}
