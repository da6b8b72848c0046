using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoverProgressEventsByLearner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_progress_events_LearnerId_RoadmapId_EventId",
                table: "progress_events");

            migrationBuilder.CreateIndex(
                name: "IX_progress_events_LearnerId_RoadmapId_EventId",
                table: "progress_events",
                columns: new[] { "LearnerId", "RoadmapId", "EventId" })
                .Annotation("SqlServer:Include", new[] { "TopicId", "From", "To", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_progress_events_LearnerId_RoadmapId_EventId",
                table: "progress_events");

            migrationBuilder.CreateIndex(
                name: "IX_progress_events_LearnerId_RoadmapId_EventId",
                table: "progress_events",
                columns: new[] { "LearnerId", "RoadmapId", "EventId" });
        }
    }
}
