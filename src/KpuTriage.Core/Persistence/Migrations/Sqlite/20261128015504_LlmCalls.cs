using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LlmCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CachedAnswer",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CompletionTokens",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DisagreementsJson",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InjectionSignsJson",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "InjectionSuspected",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ModelCallId",
                table: "Proposals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PromptTokens",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "Proposals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderLocation",
                table: "Proposals",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PromptName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PromptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PromptTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletionTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelCalls", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelCalls_CacheKey",
                table: "ModelCalls",
                column: "CacheKey");

            migrationBuilder.CreateIndex(
                name: "IX_ModelCalls_CreatedAt",
                table: "ModelCalls",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelCalls");

            migrationBuilder.DropColumn(
                name: "CachedAnswer",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "CompletionTokens",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "DisagreementsJson",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "InjectionSignsJson",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "InjectionSuspected",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ModelCallId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "PromptTokens",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProviderLocation",
                table: "Proposals");
        }
    }
}
