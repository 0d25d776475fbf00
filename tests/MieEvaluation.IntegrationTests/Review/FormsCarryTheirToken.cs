using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// Every form that posts carries its own anti-forgery token: a form written with a plain <c>action</c> attribute gets
/// none from the tag helper unless it asks, and a browser posting it is refused with 400 (the round's page was so until
/// this test). The integration tests' helper takes a page's first token, so only this check sees the gap.
/// </summary>
public sealed class FormsCarryTheirToken : IAsyncLifetime
{
    private ProcedureWorld _world = null!;

    public async Task InitializeAsync() => _world = await ProcedureWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task EveryPostingFormOfTheRoundsPagesHasAToken()
    {
        var contact = await _world.ContactAsync();
        var admin = await _world.App.SignedInClientAsync(Web.Security.Roles.Administrator);
        var pages = new List<(string Url, AngleSharp.Dom.IDocument Page)>
        {
            ("/bases/16R01/self-evaluation/2025", await contact.GetDocumentAsync("/bases/16R01/self-evaluation/2025")),
            ("/evaluation/rounds/2025", await admin.GetDocumentAsync("/evaluation/rounds/2025")),
            ("/evaluation/rounds/2025/cross-review", await admin.GetDocumentAsync("/evaluation/rounds/2025/cross-review")),
        };
        _world.Clock.Now = ProcedureWorld.InExpertReview;
        var expert = await _world.ExpertAsync(0);
        pages.Add(("/evaluation/rounds/2025/scoring/expert/16R01", await expert.GetDocumentAsync("/evaluation/rounds/2025/scoring/expert/16R01")));
        _world.Clock.Now = ProcedureWorld.InSiteVisits;
        var leader = await _world.ExpertAsync(0);
        pages.Add(("/evaluation/rounds/2025/visits/16R01", await leader.GetDocumentAsync("/evaluation/rounds/2025/visits/16R01")));

        var forms = pages.SelectMany(p => p.Page.QuerySelectorAll("form[method=post]").Select(f => (p.Url, Form: f))).ToList();
        var without = forms.Where(f => f.Form.QuerySelector("input[name=__RequestVerificationToken]") is null)
            .Select(f => $"{f.Url}: {f.Form.GetAttribute("action") ?? f.Form.Id}").ToList();

        Assert.True(forms.Count >= 8, $"only {forms.Count} forms found");
        Assert.Empty(without);
    }
}
