using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpuTriage.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_Source_Sha256",
                table: "Documents");

            migrationBuilder.AddColumn<int>(
                name: "AttachmentIndex",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentDocumentId",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkippedAttachmentsJson",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ParentDocumentId_AttachmentIndex",
                table: "Documents",
                columns: new[] { "ParentDocumentId", "AttachmentIndex" },
                unique: true,
                filter: "\"ParentDocumentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Source_Sha256",
                table: "Documents",
                columns: new[] { "Source", "Sha256" },
                unique: true,
                filter: "\"ParentDocumentId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_ParentDocumentId_AttachmentIndex",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Source_Sha256",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "AttachmentIndex",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ParentDocumentId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SkippedAttachmentsJson",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Source_Sha256",
                table: "Documents",
                columns: new[] { "Source", "Sha256" },
                unique: true);
        }
    }
}
