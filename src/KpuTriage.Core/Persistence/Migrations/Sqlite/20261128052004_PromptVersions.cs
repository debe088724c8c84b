using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Sqlite
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
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SystemPrompt = table.Column<string>(type: "TEXT", nullable: false),
                    UserTemplate = table.Column<string>(type: "TEXT", nullable: false),
                    ExamplesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Taxonomy = table.Column<string>(type: "TEXT", nullable: false),
                    Diff = table.Column<string>(type: "TEXT", nullable: false)
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
