using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoadmapVersion = table.Column<int>(type: "int", nullable: false),
                    TotalTopics = table.Column<int>(type: "int", nullable: false),
                    Done = table.Column<int>(type: "int", nullable: false),
                    Skipped = table.Column<int>(type: "int", nullable: false),
                    InProgress = table.Column<int>(type: "int", nullable: false),
                    PercentComplete = table.Column<double>(type: "float", nullable: false),
                    EstimatedMinutesRemaining = table.Column<int>(type: "int", nullable: false),
                    LongestStreak = table.Column<int>(type: "int", nullable: false),
                    LastActiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastRun = table.Column<int>(type: "int", nullable: false),
                    RecentDays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Sections = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learner_roadmap_stats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stats_marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
