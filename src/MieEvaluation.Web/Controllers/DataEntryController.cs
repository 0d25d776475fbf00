using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Forms;
using MieEvaluation.Web.Services.DataEntry;
using MieEvaluation.Web.ViewModels.DataEntry;

namespace MieEvaluation.Web.Controllers;

/// <summary>The yearly form of a base: evaluators of its expert group enter and submit, reviewers approve, return and reopen.</summary>
public sealed class DataEntryController(DataEntryService entry, YearlyFormGate gate, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    [HttpGet("entry")]
    [Authorize(Policy = Policies.EnterData)]
    public async Task<IActionResult> Index(int? year)
    {
        var chosen = year is >= 2016 and <= 9999 ? year.Value : EvaluationRound.DataYear(clock.GetUtcNow());
        return View(new MyFormsPage(chosen, await entry.MyFormsAsync(User, chosen)));
    }

    [HttpGet("entry/{code}/{year:int}")]
    public async Task<IActionResult> Form(string code, int year)
    {
        var (found, refusal) = await OpenBaseAsync(code, year);
        if (found is null)
        {
            return refusal!;
        }

        return await entry.CanViewAsync(User, found, year) ? View(await entry.LoadAsync(User, found, year)) : Forbid();
    }

    [HttpPost("entry/{code}/{year:int}")]
    [Authorize(Policy = Policies.EnterData)]
    public async Task<IActionResult> Save(string code, int year, YearlyFormInput input, [FromServices] IValidator<YearlyFormCheck> validator)
    {
        var (found, refusal) = await OpenBaseAsync(code, year);
        if (found is null)
        {
            return refusal!;
        }

        if (!(await validator.ValidateAsync(new YearlyFormCheck(input, await entry.ActiveIndicatorsAsync()))).AddTo(ModelState))
        {
            return await CanWriteOrForbidAsync(found, year) ?? View(nameof(Form), await entry.LoadAsync(User, found, year, input));
        }

        var indicators = await entry.ActiveIndicatorsAsync();
        var intent = input.Command == "submit" ? FormIntent.Submit : FormIntent.Save;
        var result = await gate.ChangeAsync(User, found, year, input.Version, indicators, input.ToReported(indicators), intent);
        var names = indicators.ToDictionary(i => i.Id, i => LocalizerExtensions.Pick(i.NameZh, i.NameEn));
        foreach (var problem in result.Problems ?? [])
        {
            ModelState.AddModelError("", localizer.SubmitProblem(problem.Kind, names[problem.IndicatorId]));
        }

        var done = intent == FormIntent.Submit ? "Entry.Submitted" : result.WentBackToDraft ? "Entry.BackToDraft" : "Entry.Saved";
        return await RespondAsync(result.Outcome, found, year, input, done);
    }

    [HttpPost("entry/{code}/{year:int}/review")]
    [Authorize(Policy = Policies.Review)]
    public async Task<IActionResult> Review(string code, int year, [FromForm] string? command, [FromForm] string? reason, [FromForm] Guid? version)
    {
        var (found, refusal) = await OpenBaseAsync(code, year);
        if (found is null)
        {
            return refusal!;
        }

        WorkflowAction? action = command switch
        {
            "approve" => WorkflowAction.Approve,
            "return" => WorkflowAction.Return,
            "reopen" => WorkflowAction.Reopen,
            _ => null,
        };
        if (action is null)
        {
            ModelState.AddModelError("", localizer["Groups.BadChoice"]);
            return await RespondAsync(FormOutcome.Invalid, found, year, null, "");
        }

        var outcome = (await gate.ReviewAsync(User, found, year, action.Value, reason, version)).Outcome;
        return await RespondAsync(outcome, found, year, null, $"Entry.Done.{action}");
    }

    [HttpGet("review")]
    [Authorize(Policy = Policies.Review)]
    public async Task<IActionResult> Submitted(int? year, int? page)
    {
        var chosen = year is >= 2016 and <= 9999 ? year.Value : EvaluationRound.DataYear(clock.GetUtcNow());
        // A page number that is missing, not a number or below 1 shows the first page; one past the end, the last.
        var total = await entry.SubmittedCountAsync(chosen);
        var pageCount = Math.Max(1, (total + DataEntryService.ReviewPageSize - 1) / DataEntryService.ReviewPageSize);
        var shown = Math.Clamp(page ?? 1, 1, pageCount);
        return View(new ReviewPage(chosen, await entry.SubmittedAsync(chosen, shown), shown, pageCount, total));
    }

    [HttpPost("review/approve-all")]
    [Authorize(Policy = Policies.Review)]
    public async Task<IActionResult> ApproveAll([FromForm] int? year, [FromForm] List<int>? ids, [FromForm] List<Guid>? versions)
    {
        // A post the page cannot produce (no year, no forms, lists of different lengths, a form twice) is refused whole.
        if (year is null || ids is not { Count: > 0 } || versions is null || ids.Count != versions.Count || ids.Distinct().Count() != ids.Count)
        {
            return BadRequest();
        }

        var result = await gate.ApproveAllAsync(User, year.Value, ids.Zip(versions).ToDictionary(p => p.First, p => p.Second));
        TempData["Message"] = result.Outcome switch
        {
            FormOutcome.Saved => localizer["Review.Approved", result.Count].Value,
            FormOutcome.Conflict when result.Stale is { Count: > 0 } stale => localizer["Review.ApproveAllStale", string.Join(", ", stale)].Value,
            FormOutcome.Conflict => localizer["Entry.ConflictRetry"].Value,
            _ => localizer["Entry.SaveFailed"].Value,
        };
        return RedirectToAction(nameof(Submitted), new { year });
    }

    /// <summary>The base when a form can exist for it in that year; otherwise the refusal to return (404 or 400 with why).</summary>
    private async Task<(DemonstrationBase? Base, IActionResult? Refusal)> OpenBaseAsync(string code, int year)
    {
        if (await entry.FindBaseAsync(code) is not { } found)
        {
            return (null, NotFound());
        }

        if (entry.IsOpenYear(found, year))
        {
            return (found, null);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var why = found.IsActive
            ? localizer["Entry.YearClosed", year, found.Code, found.BatchYear, clock.GetUtcNow().Year]
            : localizer["Entry.InactiveBase", found.Code];
        return (null, View("Unavailable", why.Value));
    }

    private async Task<IActionResult?> CanWriteOrForbidAsync(DemonstrationBase found, int year) =>
        await entry.CanWriteAsync(User, found, year) ? null : Forbid();

    private async Task<IActionResult> RespondAsync(FormOutcome outcome, DemonstrationBase found, int year, YearlyFormInput? posted, string doneKey)
    {
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Message"] = localizer[doneKey].Value;
                return RedirectToAction(nameof(Form), new { code = found.Code, year });
            case FormOutcome.Forbidden:
                return Forbid();
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", new ConflictPage(await entry.LoadAsync(User, found, year), posted));
            case FormOutcome.Locked:
                ModelState.AddModelError("", localizer["Entry.Locked"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case FormOutcome.NotAllowed:
                ModelState.AddModelError("", localizer["Entry.NotAllowed"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case FormOutcome.ReasonRequired:
                ModelState.AddModelError("", localizer["Entry.ReasonRequired"]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case FormOutcome.Failed:
                ModelState.AddModelError("", localizer["Entry.SaveFailed"]);
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
        }

        return View(nameof(Form), await entry.LoadAsync(User, found, year, posted));
    }
}
