using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Register",
                table: "Register",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Register",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "Register",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClassifierModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrainedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaxonomyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeedExamples = table.Column<int>(type: "integer", nullable: false),
                    ApprovedExamples = table.Column<int>(type: "integer", nullable: false),
                    ApprovedThrough = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TrainingTime = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
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
