using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RedriveIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_PublishPending",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Redrive",
                table: "Documents",
                columns: new[] { "Status", "UpdatedAt" },
                filter: "\"PublishPending\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_Redrive",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_PublishPending",
                table: "Documents",
                column: "PublishPending");
        }
    }
}
