using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Enterprise bases are coded with C instead of E (16E01 → 16C01): spreadsheets and data readers take 16E01 for a
    /// number (docs/decisions/0016). Only the codes change; every row refers to bases by id, and the former codes stay
    /// accepted as aliases (BaseCodes.Canonical).
    /// </summary>
    public partial class EnterpriseCodesWithC : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Bases" SET "Code" = substr("Code", 1, 2) || 'C' || substr("Code", 4) WHERE "Code" GLOB '[0-9][0-9]E[0-9][0-9]*';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Bases" SET "Code" = substr("Code", 1, 2) || 'E' || substr("Code", 4) WHERE "Code" GLOB '[0-9][0-9]C[0-9][0-9]*' AND "Type" = 'Enterprise';""");
        }
    }
}
