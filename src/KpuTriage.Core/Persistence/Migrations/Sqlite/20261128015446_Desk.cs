using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Desk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "External",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Users",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "id");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "ReviewItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.AddColumn<long>(
                name: "FirstApprovedAt",
                table: "ReviewItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedBy",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Flag",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldBy",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeldUntil",
                table: "ReviewItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterNumber",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterType",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingApprovalJson",
                table: "ReviewItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Perihal",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Security",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UrgencyRank",
                table: "ReviewItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CoApprovedAt",
                table: "Register",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoApprovedBy",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionActions",
                table: "Register",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionDeadline",
                table: "Register",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionNote",
                table: "Register",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_Inbox",
                table: "ReviewItems",
                columns: new[] { "DueOn", "UrgencyRank", "CreatedAt" },
                descending: new[] { false, true, false },
                filter: "\"State\" IN ('Open', 'AwaitingCoApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_Register_DecidedAt",
                table: "Register",
                column: "DecidedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewItems_Inbox",
                table: "ReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_Register_DecidedAt",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "External",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "FirstApprovedAt",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Flag",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "HeldBy",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "HeldUntil",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "LetterNumber",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "LetterType",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "PendingApprovalJson",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Perihal",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Security",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Sender",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "UrgencyRank",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "CoApprovedAt",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "CoApprovedBy",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "DispositionActions",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "DispositionDeadline",
                table: "Register");

            migrationBuilder.DropColumn(
                name: "DispositionNote",
                table: "Register");
        }
    }
}
