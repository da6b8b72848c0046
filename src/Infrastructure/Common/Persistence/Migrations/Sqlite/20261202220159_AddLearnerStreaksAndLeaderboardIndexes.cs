using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLearnerStreaksAndLeaderboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learner_streaks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LongestStreak = table.Column<int>(type: "INTEGER", nullable: false),
                    LastActiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastRun = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learner_streaks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learner_roadmap_stats_RoadmapId_LastActiveDate",
                table: "learner_roadmap_stats",
                columns: new[] { "RoadmapId", "LastActiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_learner_roadmap_stats_RoadmapId_PercentComplete_Done_LearnerId",
                table: "learner_roadmap_stats",
                columns: new[] { "RoadmapId", "PercentComplete", "Done", "LearnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_learner_streaks_LearnerId",
                table: "learner_streaks",
                column: "LearnerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learner_streaks");

            migrationBuilder.DropIndex(
                name: "IX_learner_roadmap_stats_RoadmapId_LastActiveDate",
                table: "learner_roadmap_stats");

            migrationBuilder.DropIndex(
                name: "IX_learner_roadmap_stats_RoadmapId_PercentComplete_Done_LearnerId",
                table: "learner_roadmap_stats");
        }
    }
}
