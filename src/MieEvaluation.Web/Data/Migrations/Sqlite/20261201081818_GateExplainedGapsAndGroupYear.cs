using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GateExplainedGapsAndGroupYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExpertGroupBases_BaseId",
                table: "ExpertGroupBases");

            migrationBuilder.AlterColumn<long>(
                name: "Value",
                table: "IndicatorValues",
                type: "INTEGER",
                precision: 22,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 22,
                oldScale: 4);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "ExpertGroupBases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Each assignment takes its group's year before the unique index (one group per base and year) is built.
            migrationBuilder.Sql(@"UPDATE ""ExpertGroupBases"" SET ""Year"" = (SELECT g.""Year"" FROM ""ExpertGroups"" AS g WHERE g.""Id"" = ""ExpertGroupBases"".""GroupId"");");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertGroupBases_BaseId_Year",
                table: "ExpertGroupBases",
                columns: new[] { "BaseId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExpertGroupBases_BaseId_Year",
                table: "ExpertGroupBases");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "ExpertGroupBases");

            migrationBuilder.AlterColumn<long>(
                name: "Value",
                table: "IndicatorValues",
                type: "INTEGER",
                precision: 22,
                scale: 4,
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 22,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertGroupBases_BaseId",
                table: "ExpertGroupBases",
                column: "BaseId");
        }
    }
}
