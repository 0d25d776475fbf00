using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BaseSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseSeries",
                columns: table => new
                {
                    BaseId = table.Column<int>(type: "int", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseSeries", x => x.BaseId);
                    table.ForeignKey(
                        name: "FK_BaseSeries_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BaseSeries");
        }
    }
}
