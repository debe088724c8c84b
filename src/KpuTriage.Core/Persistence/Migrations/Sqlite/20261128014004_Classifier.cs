using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Classifier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ArchiveCode",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Register",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClassifierModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaxonomyVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeedExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedThrough = table.Column<long>(type: "INTEGER", nullable: true),
                    TrainingTime = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassifierModels_TrainedAt",
                table: "ClassifierModels",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassifierModels");

            migrationBuilder.DropColumn(
                name: "ArchiveCode",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "Register",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "Register");
        }
    }
}
