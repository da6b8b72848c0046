using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LongestStreak = table.Column<int>(type: "int", nullable: false),
                    LastActiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastRun = table.Column<int>(type: "int", nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
