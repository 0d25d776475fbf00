using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Import;

public sealed class RegistryImport : IClassFixture<MieAppFactory>
{
    private const string Header = "code,batch_year,type,province,region,name_zh,name_en\n";
    private readonly MieAppFactory _app;

    public RegistryImport(MieAppFactory app) => _app = app;

    private async Task<(HttpClient Admin, HttpResponseMessage Response, IDocument Page)> UploadAsync(string content)
    {
        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        var page = await admin.GetDocumentAsync("/admin/bases/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ImportClient.Utf8(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bases.csv");
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var response = await admin.PostAsync(new Uri("/admin/bases/import", UriKind.Relative), form);
        return (admin, response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AddsNewBasesAndUpdatesExistingOnes()
    {
        var (admin, _, preview) = await UploadAsync(Header +
            "17R18,2017,regional,Hubei,central,湖北省武汉市东湖新技术开发区测试,Test Donghu\n" +
            "16R01,2016,regional,Beijing,east,北京市海淀区,Haidian District (Beijing)\n" +
            "16R02,2016,regional,Tianjin,east,天津市滨海新区中心商务区,Tianjin Binhai New Area CBD\n");
        var fields = preview.QuerySelectorAll("form[action='/admin/bases/import/confirm'] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var form = new FormUrlEncodedContent(fields);
        using var confirmed = await admin.PostAsync(new Uri("/admin/bases/import/confirm", UriKind.Relative), form);

        Assert.Equal((1, 1, 1), (ImportClient.Count(preview, "new"), ImportClient.Count(preview, "changed"), ImportClient.Count(preview, "unchanged")));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var added = await _app.WithDbAsync(db => db.Bases.Include(b => b.Province).SingleAsync(b => b.Code == "17R18"));
        Assert.Equal((BaseType.Regional, "Hubei", 2017), (added.Type, added.Province.Code, added.BatchYear));
        Assert.Equal("Haidian District (Beijing)", await _app.WithDbAsync(db => db.Bases.Where(b => b.Code == "16R01").Select(b => b.NameEn).SingleAsync()));
    }

    [Theory]
    [InlineData("code,batch,type\n16R01,2016,regional\n", 1, "The header must be exactly")]
    [InlineData(Header + "ABC,2017,regional,Hubei,central,甲,A\n", 2, "is not a base code like 17R18")]
    [InlineData(Header + "17R40,2030,regional,Hubei,central,甲,A\n", 2, "is not a year between 2016")]
    [InlineData(Header + "17R40,2017,startup,Hubei,central,甲,A\n", 2, "Unknown base type")]
    [InlineData(Header + "17R40,2017,regional,Atlantis,central,甲,A\n", 2, "Unknown province")]
    [InlineData(Header + "17R40,2017,regional,Hubei,west,甲,A\n", 2, "does not match Hubei")]
    [InlineData(Header + "17R40,2017,regional,Hubei,central,,A\n", 2, "Both names are required")]
    [InlineData(Header + "17R40,2017,regional,Hubei,central,甲,A\n17R40,2017,regional,Hubei,central,乙,B\n", 3, "already appears on line 2")]
    [InlineData(Header + "17R40,2017,regional\n", 2, "The row has 3 fields")]
    [InlineData(Header, 1, "header but no data rows")]
    public async Task ReportsTheLineAndAddsNothingGivenABadRegistryFile(string content, int line, string message)
    {
        var before = await _app.WithDbAsync(db => db.Bases.CountAsync());

        var (_, response, preview) = await UploadAsync(content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, preview.QuerySelector($"[data-import-errors] li[data-line='{line}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Bases.CountAsync()));
    }
}
