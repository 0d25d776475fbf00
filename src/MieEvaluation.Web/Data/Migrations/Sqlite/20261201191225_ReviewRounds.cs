using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DataYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfEvaluationOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelfEvaluationCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpertReviewOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpertReviewCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SiteVisitOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SiteVisitCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CrossReviewOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CrossReviewCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NormalisePerExpert = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcludeOwnProvince = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrossReviewThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    SchemeCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_DataYear",
                table: "ReviewRounds",
                column: "DataYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewRounds");
        }
    }
}
