using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromptVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PromptVersions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ParentNumber = table.Column<int>(type: "integer", nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SystemPrompt = table.Column<string>(type: "text", nullable: false),
                    UserTemplate = table.Column<string>(type: "text", nullable: false),
                    ExamplesJson = table.Column<string>(type: "text", nullable: false),
                    Taxonomy = table.Column<string>(type: "text", nullable: false),
                    Diff = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromptVersions", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PromptVersions_Active",
                table: "PromptVersions",
                column: "State",
                unique: true,
                filter: "\"State\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_PromptVersions_Hash",
                table: "PromptVersions",
                column: "Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PromptVersions");
        }
    }
}
