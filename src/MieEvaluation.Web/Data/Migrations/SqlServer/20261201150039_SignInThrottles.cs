using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SignInThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Identity's lock is no longer used (failed sign-ins delay further attempts instead): no account stays locked
            // by a lock set before.
            migrationBuilder.Sql("UPDATE AspNetUsers SET LockoutEnd = NULL, AccessFailedCount = 0");

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    LastFailureUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInThrottles_Email_Address",
                table: "SignInThrottles",
                columns: new[] { "Email", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInThrottles_LastFailureUtc",
                table: "SignInThrottles",
                column: "LastFailureUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInThrottles");
        }
    }
}
