using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Forms;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.IntegrationTests.Import;

/// <summary>
/// The bulk import's own SQL on SQL Server, the production provider, which this machine cannot run (the SQL Server
/// suite is skipped without <c>MIE_TEST_SQLSERVER</c>): every statement parses as T-SQL and names the model's tables.
/// </summary>
public sealed class ImportStatementsOnSqlServer
{
    [Fact]
    public void EveryStatementOfTheImportParsesAsTSql()
    {
        using var db = new SqlServerMieDbContext(new DbContextOptionsBuilder<SqlServerMieDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);
        using var writer = new ImportWriter(db, new FormWarnings(db), new Dictionary<int, Domain.Registry.DemonstrationBase>(), new ClaimsPrincipal(), "file.csv", FormIntent.SubmitIfReady, DateTime.UtcNow,
            (key, _) => key, previewed: null);
        var statements = writer.Statements().ToList();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        Assert.Equal(7, statements.Count);
        foreach (var sql in statements)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, $"{sql}\n" + string.Join("\n", errors.Select(e => e.Message)));
        }

        Assert.Contains(statements, s => s.Contains("OUTPUT INSERTED.[Id]", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.StartsWith("INSERT INTO [AuditEntries]", StringComparison.Ordinal));
    }
}
