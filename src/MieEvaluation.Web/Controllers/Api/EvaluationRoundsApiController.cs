using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// A round's experts' scores through the API (docs/api.md): the administrator imports a round scored on paper (CSV,
/// the same checks and audit as a score typed in the browser), and readers of the figures get the experts' results
/// once the review is closed.
/// </summary>
[Route("api/v1/evaluation/rounds")]
public sealed class EvaluationRoundsApiController(ReviewRounds rounds, ExpertScoreImport imports, ExpertResults results, ImportOptions options,
    IStringLocalizer<SharedResource> localizer) : ApiControllerBase
{
    /// <summary><c>base_code,expert_email,criterion_code,score,comment</c>; 422 with every line's problem and nothing written, or the counts.</summary>
    [HttpPost("{year:int}/expert-scores")]
    [Authorize(Policy = Policies.Administer)]
    [Consumes("text/csv", ApiImport.WorkbookContentType)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> ImportScores(int year, bool dryRun, CancellationToken cancellationToken) =>
        BadYear(year) ?? await ApiImport.RunAsync(this, new ExpertScoreImportKind(imports, year), options, dryRun, approve: false, cancellationToken);

    /// <summary>Per base and criterion n, mean, median, trimmed_mean, normalised and used; per group and criterion kendall_w; the experts flagged.</summary>
    [HttpGet("{year:int}/expert-results")]
    [Authorize(Policy = Policies.ViewFigures)]
    [ProducesResponseType<ExpertResultsDocument>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ExpertResults(int year, CancellationToken cancellationToken)
    {
        if (BadYear(year) is { } refusal)
        {
            return refusal;
        }

        var (document, refused) = await results.ForRoundAsync(year, cancellationToken);
        return refused switch
        {
            null => new JsonResult(document, ResultsDocument.Json),
            ExpertResultsRefusal.NoRound => Unknown(localizer["ExpertScores.NoRound", year]),
            ExpertResultsRefusal.NoCriteria => Problem(detail: localizer["ExpertScores.NoCriteria", "—"], statusCode: StatusCodes.Status409Conflict, title: "Not available"),
            _ => Problem(detail: localizer["ExpertScores.StillOpen", year], statusCode: StatusCodes.Status409Conflict, title: "Not available"),
        };
    }

    private ObjectResult? BadYear(int year) =>
        rounds.IsRoundYear(year) ? null : Unknown(localizer["Round.BadYear", year, ReviewRounds.FirstYear, rounds.LastYear]);
}
