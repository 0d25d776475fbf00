using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MieEvaluation.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExpertScores_RoundId_BaseId_ExpertUserId_Criterion",
                table: "ExpertScores");

            migrationBuilder.AddColumn<string>(
                name: "Pass",
                table: "ExpertScores",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Expert");

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAtUtc",
                table: "ExpertScores",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "NewScore",
                table: "ExpertScoreChanges",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,4)",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AddColumn<string>(
                name: "Pass",
                table: "ExpertScoreChanges",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Expert");

            migrationBuilder.AddColumn<bool>(
                name: "Submitted",
                table: "ExpertScoreChanges",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsLeader",
                table: "ExpertGroupMembers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "ExpertGroupMembers",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BaseId",
                table: "AspNetUsers",
                type: "int",
                nullable: true);

            // The scores recorded before this migration came from paper imports: submitted when recorded.
            migrationBuilder.Sql("UPDATE ExpertScores SET SubmittedAtUtc = RecordedAtUtc;");
            migrationBuilder.Sql("UPDATE ExpertScoreChanges SET Submitted = 1;");

            migrationBuilder.CreateTable(
                name: "CrossReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    BaseId = table.Column<int>(type: "int", nullable: false),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AssignedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrossReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrossReviewAssignments_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CrossReviewAssignments_ExpertGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ExpertGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrossReviewAssignments_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Owner = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OwnerId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertConflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    BaseId = table.Column<int>(type: "int", nullable: false),
                    ExpertUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeclaredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertConflicts_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertConflicts_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    BaseId = table.Column<int>(type: "int", nullable: false),
                    BasicSituation = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Achievements = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Problems = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    NextSteps = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    BaseId = table.Column<int>(type: "int", nullable: false),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteVisits_Bases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "Bases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteVisits_ExpertGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ExpertGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteVisits_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteVisitIssues",
                columns: table => new
                {
                    SiteVisitId = table.Column<int>(type: "int", nullable: false),
                    IssueId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteVisitIssues", x => new { x.SiteVisitId, x.IssueId });
                    table.ForeignKey(
                        name: "FK_SiteVisitIssues_IssueReports_IssueId",
                        column: x => x.IssueId,
                        principalTable: "IssueReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteVisitIssues_SiteVisits_SiteVisitId",
                        column: x => x.SiteVisitId,
                        principalTable: "SiteVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteVisitMembers",
                columns: table => new
                {
                    SiteVisitId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteVisitMembers", x => new { x.SiteVisitId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SiteVisitMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteVisitMembers_SiteVisits_SiteVisitId",
                        column: x => x.SiteVisitId,
                        principalTable: "SiteVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_RoundId_Pass_BaseId_ExpertUserId_Criterion",
                table: "ExpertScores",
                columns: new[] { "RoundId", "Pass", "BaseId", "ExpertUserId", "Criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BaseId",
                table: "AspNetUsers",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CrossReviewAssignments_BaseId",
                table: "CrossReviewAssignments",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CrossReviewAssignments_GroupId",
                table: "CrossReviewAssignments",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CrossReviewAssignments_RoundId_BaseId",
                table: "CrossReviewAssignments",
                columns: new[] { "RoundId", "BaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Owner_OwnerId",
                table: "Evidence",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertConflicts_BaseId",
                table: "ExpertConflicts",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertConflicts_RoundId_BaseId_ExpertUserId",
                table: "ExpertConflicts",
                columns: new[] { "RoundId", "BaseId", "ExpertUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluations_BaseId",
                table: "SelfEvaluations",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluations_RoundId_BaseId",
                table: "SelfEvaluations",
                columns: new[] { "RoundId", "BaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteVisitIssues_IssueId",
                table: "SiteVisitIssues",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteVisitMembers_UserId",
                table: "SiteVisitMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteVisits_BaseId",
                table: "SiteVisits",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteVisits_GroupId",
                table: "SiteVisits",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteVisits_RoundId_BaseId",
                table: "SiteVisits",
                columns: new[] { "RoundId", "BaseId" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Bases_BaseId",
                table: "AspNetUsers",
                column: "BaseId",
                principalTable: "Bases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Bases_BaseId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CrossReviewAssignments");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ExpertConflicts");

            migrationBuilder.DropTable(
                name: "SelfEvaluations");

            migrationBuilder.DropTable(
                name: "SiteVisitIssues");

            migrationBuilder.DropTable(
                name: "SiteVisitMembers");

            migrationBuilder.DropTable(
                name: "SiteVisits");

            migrationBuilder.DropIndex(
                name: "IX_ExpertScores_RoundId_Pass_BaseId_ExpertUserId_Criterion",
                table: "ExpertScores");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_BaseId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Pass",
                table: "ExpertScores");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "ExpertScores");

            migrationBuilder.DropColumn(
                name: "Pass",
                table: "ExpertScoreChanges");

            migrationBuilder.DropColumn(
                name: "Submitted",
                table: "ExpertScoreChanges");

            migrationBuilder.DropColumn(
                name: "IsLeader",
                table: "ExpertGroupMembers");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "ExpertGroupMembers");

            migrationBuilder.DropColumn(
                name: "BaseId",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<decimal>(
                name: "NewScore",
                table: "ExpertScoreChanges",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,4)",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_RoundId_BaseId_ExpertUserId_Criterion",
                table: "ExpertScores",
                columns: new[] { "RoundId", "BaseId", "ExpertUserId", "Criterion" },
                unique: true);
        }
    }
}
