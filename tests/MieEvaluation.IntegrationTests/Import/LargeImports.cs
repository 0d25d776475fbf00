using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Import;

/// <summary>
/// Imports larger than one write chunk (5,000 values) go through prepared bulk statements instead of change tracking:
/// they must store rows exactly as the model does, stay all or nothing across chunks, and stop listing errors at a
/// bound.
/// </summary>
public sealed class LargeImports : IAsyncLifetime
{
    private readonly MieAppFactory _app = new();
    private HttpClient _reviewer = null!;
    private List<(string Code, int Batch)> _bases = [];
    private List<string> _indicators = [];

    public async Task InitializeAsync()
    {
        (_reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        _bases = await _app.WithDbAsync(async db => (await db.Bases.OrderBy(b => b.Code).Select(b => new { b.Code, b.BatchYear }).ToListAsync()).Select(b => (b.Code, b.BatchYear)).ToList());
        _indicators = await _app.WithDbAsync(db => db.Indicators.Where(i => i.IsActive).OrderBy(i => i.Id).Select(i => i.Code).ToListAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every active indicator of every base from its batch year to 2025: more than one chunk of values.</summary>
    private string Csv(Func<int, string>? valueOf = null)
    {
        var text = new StringBuilder("base_code,year,indicator_code,value\n");
        var n = 0;
        foreach (var (code, batch) in _bases)
        {
            for (var year = batch; year <= 2025; year++)
            {
                foreach (var indicator in _indicators)
                {
                    text.Append(FormattableString.Invariant($"{code},{year},{indicator},{valueOf?.Invoke(n) ?? (100 + (n % 97)).ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));
                    n++;
                }
            }
        }

        return text.ToString();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string csv)
    {
        using var response = await _reviewer.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), ApiClients.Csv(csv));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<(int Values, int Forms, int Audit)> CountsAsync() => _app.WithDbAsync(async db =>
        (await db.IndicatorValues.CountAsync(), await db.Submissions.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task WritesEveryChunkAndStoresRowsExactlyAsTheModelDoes()
    {
        var csv = Csv();
        var expected = csv.Count(c => c == '\n') - 1;
        Assert.True(expected > 5_000, $"only {expected} values: the test needs more than one chunk");

        // One form written through the model first, to compare how each column is stored.
        var (modelForm, modelValue, modelAudit) = await _app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var form = new Submission
            {
                BaseId = await db.Bases.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(), Year = 2026, Status = SubmissionStatus.Submitted,
                CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            };
            form.Values.Add(new IndicatorValue { IndicatorId = await db.Indicators.Select(i => i.Id).FirstAsync(), Value = 12.5m });
            db.Submissions.Add(form);
            await db.SaveChangesAsync();
            var audit = new AuditEntry
            {
                SubmissionId = form.Id, BaseId = form.BaseId, Year = 2026, IndicatorId = form.Values[0].IndicatorId, NewValue = 12.5m,
                Source = ChangeSource.Import, SourceName = "x", UserId = "u", UserName = "n", AtUtc = now,
            };
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync();
            return (form.Id, form.Values[0].Id, audit.Id);
        });
        var before = await CountsAsync();
        var (status, body) = await ImportAsync(csv);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(expected, body.GetProperty("newValues").GetInt32());
        var counts = await CountsAsync();
        Assert.Equal((before.Values + expected, before.Forms + _bases.Sum(b => 2026 - b.Batch)), (counts.Values, counts.Forms));
        // One row per value, and one per status step: every new form is created a draft, and those that pass the submit
        // rules are then submitted (a second step).
        var submitted = await _app.WithDbAsync(db => db.Submissions.CountAsync(s => s.Id > modelForm && s.Status == SubmissionStatus.Submitted));
        Assert.Equal(before.Audit + expected + counts.Forms - before.Forms + submitted, counts.Audit);
        Assert.Equal(await StorageTypesAsync("Submissions", $"WHERE \"Id\" = {modelForm}"),
            await StorageTypesAsync("Submissions", $"WHERE \"Id\" = {modelForm + 1}"));
        Assert.Equal(await StorageTypesAsync("IndicatorValues", $"WHERE \"Id\" = {modelValue}"),
            await StorageTypesAsync("IndicatorValues", $"WHERE \"Id\" = {modelValue + 1}"));
        Assert.Equal(await StorageTypesAsync("AuditEntries", $"WHERE \"Id\" = {modelAudit}"),
            await StorageTypesAsync("AuditEntries", $"WHERE \"Id\" = {modelAudit + 1}"));

        // Written by the bulk path, read and changed by the model: the concurrency token, dates and fixed-point values
        // must round-trip, or this save finds no row to update.
        var saved = await _app.WithDbAsync(async db =>
        {
            var form = await db.Submissions.Include(s => s.Values).OrderBy(s => s.Id).LastAsync();
            form.Values[0].Value += 0.5m;
            form.Status = SubmissionStatus.Returned;
            form.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        Assert.True(saved >= 2);
    }

    [Fact]
    public async Task WritesNothingWhenTheLastRowOfAManyChunkFileIsWrong()
    {
        var before = await CountsAsync();
        var csv = Csv() + $"{_bases[0].Code},{_bases[0].Batch},{_indicators[0]},7\n"; // a duplicate of line 2, found after a chunk was written

        var (status, body) = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal(csv.Count(c => c == '\n'), error.GetProperty("line").GetInt32());
        Assert.Contains("2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task StopsListingErrorsAtTheBoundAndSaysSo()
    {
        var csv = Csv(n => n % 2 == 0 ? "lots" : "5");

        var (status, body) = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = body.GetProperty("errors");
        Assert.Equal(1_001, errors.GetArrayLength());
        Assert.Equal(0, errors[1_000].GetProperty("line").GetInt32());
        Assert.Contains("1000", errors[1_000].GetProperty("message").GetString()!.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task NamesTheFirstLineOfEveryDuplicateValueOfAWideFile()
    {
        var (code, batch) = _bases[0];
        var row = $"{code},{batch},3,4\n";
        var csv = $"base_code,year,{_indicators[0]},{_indicators[1]}\n{row}{_bases[1].Code},{_bases[1].Batch},5,6\n{row}";

        var (status, body) = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(4, e.Item1));
        Assert.All(errors, e => Assert.Contains("2", e.Item2, StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    /// <summary>The SQLite storage class of each column of one row, e.g. "Version:text".</summary>
    private Task<string> StorageTypesAsync(string table, string where) => _app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var types = connection.CreateCommand();
        types.CommandText = $"SELECT {string.Join(" || ',' || ", names.Select(n => $"'{n}:' || typeof(\"{n}\")"))} FROM \"{table}\" {where}";
        return (string)(await types.ExecuteScalarAsync())!;
    });
}
