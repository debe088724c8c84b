using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CompletionTokens",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DisagreementsJson",
                table: "Proposals",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InjectionSignsJson",
                table: "Proposals",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "InjectionSuspected",
                table: "Proposals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ModelCallId",
                table: "Proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PromptTokens",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "Proposals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderLocation",
                table: "Proposals",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CacheKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PromptName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PromptHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PromptTokens = table.Column<int>(type: "integer", nullable: false),
                    CompletionTokens = table.Column<int>(type: "integer", nullable: false),
                    DurationMs = table.Column<long>(type: "bigint", nullable: false),
                    FinishReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
