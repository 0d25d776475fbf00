using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DataYear = table.Column<int>(type: "int", nullable: false),
                    SelfEvaluationOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    SelfEvaluationCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpertReviewOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpertReviewCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    SiteVisitOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    SiteVisitCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    CrossReviewOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    CrossReviewCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    NormalisePerExpert = table.Column<bool>(type: "bit", nullable: false),
                    ExcludeOwnProvince = table.Column<bool>(type: "bit", nullable: false),
                    CrossReviewThreshold = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    SchemeCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
