using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.SqlServer
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

            migrationBuilder.AlterColumn<decimal>(
                name: "Value",
                table: "IndicatorValues",
                type: "decimal(22,4)",
                precision: 22,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(22,4)",
                oldPrecision: 22,
                oldScale: 4);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "ExpertGroupBases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Each assignment takes its group's year before the unique index (one group per base and year) is built.
            migrationBuilder.Sql(@"UPDATE a SET a.[Year] = g.[Year] FROM [ExpertGroupBases] AS a INNER JOIN [ExpertGroups] AS g ON g.[Id] = a.[GroupId];");

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

            migrationBuilder.AlterColumn<decimal>(
                name: "Value",
                table: "IndicatorValues",
                type: "decimal(22,4)",
                precision: 22,
                scale: 4,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "decimal(22,4)",
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
