using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExpertScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertScoreChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OldScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    NewScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertScoreChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertScores_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertScores_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScoreChanges_RoundId_BaseId",
                table: "ExpertScoreChanges",
                columns: new[] { "RoundId", "BaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_BaseId",
                table: "ExpertScores",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_RoundId_BaseId_ExpertUserId_Criterion",
                table: "ExpertScores",
                columns: new[] { "RoundId", "BaseId", "ExpertUserId", "Criterion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertScoreChanges");

            migrationBuilder.DropTable(
                name: "ExpertScores");
        }
    }
}
