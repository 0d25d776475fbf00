using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Operations;

/// <summary>
/// Two imports of the same forms at once, by two reviewers (one user runs one import at a time): each lands whole or
/// not at all, never interleaved.
/// </summary>
public sealed class OverlappingImports
{
    [Fact]
    public async Task EndWithOneFileWholeNeverAMixture()
    {
        await using var app = new MieAppFactory();
        var clients = new[] { (await app.TokenClientAsync(Roles.Reviewer)).Client, (await app.TokenClientAsync(Roles.Reviewer)).Client };
        string File(int value) => "base_code,year,indicator_code,value\n" + string.Join("\n",
            Enumerable.Range(1, 9).SelectMany(i => new[] { $"16R0{i},2019,patents_granted,{value}", $"16R0{i},2019,people_trained,{value}" }));

        for (var round = 0; round < 5; round++)
        {
            var imports = new[] { round * 10 + 1, round * 10 + 2 }.Select(async (value, i) =>
            {
                using var response = await clients[i].PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), ApiClients.Csv(File(value)));
                return response.StatusCode;
            });
            var statuses = await Task.WhenAll(imports);

            var values = await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Submission.Year == 2019).Select(v => v.Value).Distinct().ToListAsync());
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"{(int)s}"));
            Assert.Contains(HttpStatusCode.OK, statuses);
            Assert.Single(values);
        }
    }
}
