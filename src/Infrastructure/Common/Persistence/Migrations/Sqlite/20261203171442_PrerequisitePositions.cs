using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roadmap.Infrastructure.Common.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrerequisitePositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "topic_prerequisites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Edges stored before positions were kept: in the order exports listed them (the roadmap's order), so a
            // roadmap already stored exports as before and an import of that export changes nothing.
            migrationBuilder.Sql("""
                UPDATE topic_prerequisites AS p SET "Position" = o."Position"
                FROM (SELECT tp."TopicId", tp."PrerequisiteId", ROW_NUMBER() OVER (PARTITION BY tp."TopicId" ORDER BY s."Order", t."Order") - 1 AS "Position"
                      FROM topic_prerequisites AS tp JOIN topics AS t ON t."Id" = tp."PrerequisiteId" JOIN sections AS s ON s."Id" = t."SectionId") AS o
                WHERE p."TopicId" = o."TopicId" AND p."PrerequisiteId" = o."PrerequisiteId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Position",
                table: "topic_prerequisites");
        }
    }
}
