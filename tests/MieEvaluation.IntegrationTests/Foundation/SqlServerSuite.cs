using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Foundation;

/// <summary>
/// Every integration test runs against SQL Server when MIE_TEST_SQLSERVER holds a connection string (see
/// <see cref="MieAppFactory"/>). This test says so in the results either way, so the provider in use is never silent.
/// </summary>
public sealed class SqlServerSuite
{
    [SkippableFact]
    public async Task RunsAgainstSqlServerGivenMieTestSqlServer()
    {
        Skip.If(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MieAppFactory.SqlServerVariable)),
            "SQL Server cannot run on this machine (no package, no Docker engine); set MIE_TEST_SQLSERVER to a connection " +
            "string to run the whole integration suite on SQL Server. The T-SQL script check in MigrationChecks always runs.");

        await using var app = new MieAppFactory();
        using var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(app.UsesSqlServer);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
