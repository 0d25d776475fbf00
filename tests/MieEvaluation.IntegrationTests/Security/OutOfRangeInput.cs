using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>A value the model cannot hold is refused with a message in the reader's language, never replaced by a default.</summary>
public sealed class OutOfRangeInput
{
    [Fact]
    public async Task RefusesAnIssueWithASeverityThatDoesNotExist()
    {
        await using var app = new MieAppFactory();
        var (email, password, id) = await app.CreateUserAsync(Roles.Evaluator);
        var year = DateTime.UtcNow.Year - 1;
        await app.WithDbAsync(async db =>
        {
            var group = new MieEvaluation.Domain.Groups.ExpertGroup { Year = year, Name = "G" };
            group.Members.Add(new() { UserId = id, Organisation = "O" });
            group.Bases.Add(new() { BaseId = await db.Bases.Where(b => b.Code == "16R01").Select(b => b.Id).SingleAsync() });
            db.ExpertGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        var evaluator = await app.SignInAsync(email, password, "zh-CN");
        var category = await app.WithDbAsync(db => db.IssueCategories.Select(c => c.Id).FirstAsync());

        using var response = await evaluator.PostFormAsync($"/issues/new?base=16R01&year={year}", "/issues", new Dictionary<string, string>
        {
            ["BaseCode"] = "16R01", ["Year"] = $"{year}", ["CategoryId"] = $"{category}", ["Severity"] = "99", ["Text"] = "问题描述",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("“99”不是有效的值", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.IssueReports.CountAsync()));
    }

    [Fact]
    public async Task RefusesACategoryOrderBeyondANumber()
    {
        await using var app = new MieAppFactory();
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        var before = await app.WithDbAsync(db => db.IssueCategories.CountAsync());

        using var response = await admin.PostFormAsync("/admin/categories", "/admin/categories", new Dictionary<string, string>
        {
            ["Code"] = "new_kind", ["NameZh"] = "新类别", ["NameEn"] = "New kind", ["DisplayOrder"] = "99999999999", ["IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"99999999999\" is not a valid value.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.IssueCategories.CountAsync()));
    }
}
