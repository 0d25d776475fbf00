using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FixedPointValuesOnSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Value",
                table: "IndicatorValues",
                type: "INTEGER",
                precision: 22,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 22,
                oldScale: 4);

            // The rebuild above copies each decimal as its number; scale it to whole 1/10,000s.
            migrationBuilder.Sql("UPDATE \"IndicatorValues\" SET \"Value\" = CAST(ROUND(\"Value\" * 10000) AS INTEGER);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "Value",
                table: "IndicatorValues",
                type: "TEXT",
                precision: 22,
                scale: 4,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 22,
                oldScale: 4);

            migrationBuilder.Sql("UPDATE \"IndicatorValues\" SET \"Value\" = CAST(CAST(\"Value\" AS REAL) / 10000 AS TEXT);");
        }
    }
}
