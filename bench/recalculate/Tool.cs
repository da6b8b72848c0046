#:property ManagePackageVersionsCentrally=false
#:package Npgsql@10.0.3
#:property PublishAot=false
// bench/recalculate.sh's helper (a file-based app: `dotnet run bench/recalculate/Tool.cs -- <mode> ...`).
//   naive <connection string>          each learner's progress and events loaded and computed one learner at a time;
//                                      prints the seconds it took
//   freshness <base url> <token> <n>   n times: a progress write, then the stats polled until their lastEventId
//                                      includes it; prints p50 and p95 in milliseconds
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

switch (args.ElementAtOrDefault(0))
{
    case "naive":
        await Naive(args[1]);
        break;
    case "freshness":
        await Freshness(args[1], args[2], int.Parse(args[3]));
        break;
    default:
        Console.Error.WriteLine("usage: naive <connection string> | freshness <base url> <token> <n>");
        return 2;
}

return 0;

static async Task Naive(string connectionString)
{
    await using var db = NpgsqlDataSource.Create(connectionString);
    var topics = new Dictionary<Guid, int>();
    await using (var read = db.CreateCommand("""
        SELECT t."Id", t."EstimatedMinutes" FROM topics t JOIN sections s ON s."Id" = t."SectionId" JOIN roadmaps r ON r."Id" = t."RoadmapId"
        WHERE r."Slug" = 'backend-developer' AND t."RetiredAt" IS NULL AND s."RetiredAt" IS NULL
        """))
    await using (var rows = await read.ExecuteReaderAsync())
    {
        while (await rows.ReadAsync())
        {
            topics[rows.GetGuid(0)] = rows.GetInt32(1);
        }
    }

    var learners = new List<(Guid Learner, Guid Roadmap)>();
    await using (var read = db.CreateCommand("""SELECT "LearnerId", "RoadmapId" FROM enrollments WHERE "LeftAt" IS NULL"""))
    await using (var rows = await read.ExecuteReaderAsync())
    {
        while (await rows.ReadAsync())
        {
            learners.Add((rows.GetGuid(0), rows.GetGuid(1)));
        }
    }

    var clock = Stopwatch.StartNew();
    long check = 0;
    foreach (var (learner, roadmap) in learners)
    {
        int done = 0, skipped = 0, inProgress = 0, minutesLeft = topics.Values.Sum();
        await using (var read = db.CreateCommand("""SELECT "TopicId", "Status" FROM topic_progress WHERE "LearnerId" = $1 AND "RoadmapId" = $2"""))
        {
            read.Parameters.Add(new() { Value = learner });
            read.Parameters.Add(new() { Value = roadmap });
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                if (!topics.TryGetValue(rows.GetGuid(0), out var minutes))
                {
                    continue;
                }

                switch (rows.GetString(1))
                {
                    case "Done": done++; minutesLeft -= minutes; break;
                    case "Skipped": skipped++; minutesLeft -= minutes; break;
                    case "InProgress": inProgress++; break;
                }
            }
        }

        var days = new HashSet<DateOnly>();
        await using (var read = db.CreateCommand("""
            SELECT "OccurredAt" FROM progress_events WHERE "LearnerId" = $1 AND "RoadmapId" = $2 AND "From" <> "To" AND "To" IN ('InProgress', 'Done')
            """))
        {
            read.Parameters.Add(new() { Value = learner });
            read.Parameters.Add(new() { Value = roadmap });
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                days.Add(DateOnly.FromDateTime(rows.GetDateTime(0)));
            }
        }

        check += done + skipped + inProgress + minutesLeft + days.Count;
    }

    Console.WriteLine($"{clock.Elapsed.TotalSeconds:F2} {learners.Count} {check}");
}

static async Task Freshness(string baseUrl, string token, int samples)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    string[] statuses = ["Done", "InProgress"];
    var latencies = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var put = await http.PutAsJsonAsync("/api/me/roadmaps/backend-developer/progress/redis", new { status = statuses[i % 2] });
        put.EnsureSuccessStatusCode();
        var written = Stopwatch.StartNew();
        var eventId = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetInt64(); // always a change: statuses alternate
        while (true)
        {
            var stats = await http.GetFromJsonAsync<JsonElement>("/api/me/roadmaps/backend-developer/stats");
            if (stats.GetProperty("lastEventId").GetInt64() >= eventId)
            {
                break;
            }

            if (written.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Event {eventId} did not reach the stats within 30 s.");
            }

            await Task.Delay(10);
        }

        latencies.Add(written.Elapsed.TotalMilliseconds);
    }

    latencies.Sort();
    double At(double q) => latencies[(int)Math.Ceiling(q * latencies.Count) - 1];
    Console.WriteLine($"{At(0.5):F0} {At(0.95):F0}");
}
