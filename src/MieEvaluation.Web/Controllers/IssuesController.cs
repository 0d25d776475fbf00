using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers;

/// <summary>Evaluators record the problems they find at the bases of their expert groups; everyone signed in reads them.</summary>
public sealed class IssuesController(IssueReportService issues, EvaluatorScope scope, TimeProvider clock) : Controller
{
    [HttpGet("bases/{code}/issues")]
    [Authorize(Policy = Policies.BaseContent)]
    public async Task<IActionResult> ForBase(string code)
    {
        var found = await issues.FindBaseAsync(code);
        if (found is null)
        {
            return NotFound();
        }

        // The office's roles read every base's issues; a base contact only their own base's.
        if (!Roles.Office.Any(User.IsInRole) && !await scope.IsContactOfAsync(User, found.Id))
        {
            return Forbid();
        }

        var canRecord = await scope.CanWriteAsync(User, found.Id, EvaluationRound.DataYear(clock.GetUtcNow()));
        var rows = await issues.ForBaseAsync(found.Id);
        var editableYears = new HashSet<int>();
        foreach (var year in rows.Select(r => r.Year).Distinct())
        {
            if (await scope.CanWriteAsync(User, found.Id, year))
            {
                editableYears.Add(year);
            }
        }

        return View(new BaseIssuesPage(found.Code, found.NameZh, found.NameEn, rows, canRecord, editableYears));
    }

    [HttpGet("issues/new")]
    [Authorize(Policy = Policies.EnterData)]
    public async Task<IActionResult> Create([FromQuery(Name = "base")] string? baseCode, int? year)
    {
        var found = baseCode is null ? null : await issues.FindBaseAsync(baseCode);
        if (found is null)
        {
            return NotFound();
        }

        var input = new IssueInput { BaseCode = found.Code, Year = year ?? EvaluationRound.DataYear(clock.GetUtcNow()) };
        if (!await scope.CanWriteAsync(User, found.Id, input.Year))
        {
            return Forbid();
        }

        return View(new IssueFormPage(input, found.NameZh, found.NameEn, await issues.CategoryChoicesAsync()));
    }

    [HttpPost("issues")]
    [Authorize(Policy = Policies.EnterData)]
    public async Task<IActionResult> Create(IssueInput input, [FromServices] IValidator<IssueInput> validator)
    {
        var found = await issues.FindBaseAsync(input.BaseCode ?? "");
        if (found is not null && !await scope.CanWriteAsync(User, found.Id, input.Year))
        {
            return Forbid();
        }

        if (found is null || !(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            if (found is null)
            {
                return NotFound();
            }

            return View(new IssueFormPage(input, found.NameZh, found.NameEn, await issues.CategoryChoicesAsync()));
        }

        await issues.RecordAsync(found.Id, input);
        return RedirectToAction(nameof(ForBase), new { code = found.Code });
    }

    /// <summary>Open ↔ addressed, by an evaluator of the base's expert group in the issue's year.</summary>
    [HttpPost("issues/{id:int}/status")]
    [Authorize(Policy = Policies.EnterData)]
    public async Task<IActionResult> SetStatus(int id, [FromForm] string? status)
    {
        if (await issues.FindAsync(id) is not { } report)
        {
            return NotFound();
        }

        if (!await scope.CanWriteAsync(User, report.BaseId, report.Year))
        {
            return Forbid();
        }

        if (!Enum.TryParse<Domain.Issues.IssueStatus>(status, ignoreCase: true, out var next) || !Enum.IsDefined(next))
        {
            return BadRequest();
        }

        await issues.SetStatusAsync(id, next);
        return RedirectToAction(nameof(ForBase), new { code = report.Base.Code });
    }
}
