using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddInsightsStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learner_roadmap_stats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoadmapVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalTopics = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    InProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentComplete = table.Column<double>(type: "REAL", nullable: false),
                    EstimatedMinutesRemaining = table.Column<int>(type: "INTEGER", nullable: false),
                    LongestStreak = table.Column<int>(type: "INTEGER", nullable: false),
                    LastActiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastRun = table.Column<int>(type: "INTEGER", nullable: false),
                    RecentDays = table.Column<string>(type: "TEXT", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learner_roadmap_stats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stats_marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_marks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learner_roadmap_stats_LearnerId_RoadmapId",
                table: "learner_roadmap_stats",
                columns: new[] { "LearnerId", "RoadmapId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learner_roadmap_stats_RoadmapId",
                table: "learner_roadmap_stats",
                column: "RoadmapId");

            migrationBuilder.CreateIndex(
                name: "IX_stats_marks_MarkedAt",
                table: "stats_marks",
                column: "MarkedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learner_roadmap_stats");

            migrationBuilder.DropTable(
                name: "stats_marks");
        }
    }
}
