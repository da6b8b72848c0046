using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRoadmapInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "roadmap_insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoadmapVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveLast30Days = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageCompletion = table.Column<double>(type: "REAL", nullable: false),
                    CompletionBuckets = table.Column<string>(type: "TEXT", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", nullable: false),
                    MostSkipped = table.Column<string>(type: "TEXT", nullable: false),
                    MedianDaysToDone = table.Column<string>(type: "TEXT", nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadmap_insights", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_topic_progress_RoadmapId_Status",
                table: "topic_progress",
                columns: new[] { "RoadmapId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_progress_events_RoadmapId_LearnerId_EventId",
                table: "progress_events",
                columns: new[] { "RoadmapId", "LearnerId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollments_RoadmapId",
                table: "enrollments",
                column: "RoadmapId");

            migrationBuilder.CreateIndex(
                name: "IX_roadmap_insights_RoadmapId",
                table: "roadmap_insights",
                column: "RoadmapId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roadmap_insights");

            migrationBuilder.DropIndex(
                name: "IX_topic_progress_RoadmapId_Status",
                table: "topic_progress");

            migrationBuilder.DropIndex(
                name: "IX_progress_events_RoadmapId_LearnerId_EventId",
                table: "progress_events");

            migrationBuilder.DropIndex(
                name: "IX_enrollments_RoadmapId",
                table: "enrollments");
        }
    }
}
