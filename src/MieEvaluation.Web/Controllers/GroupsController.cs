using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Groups;
using MieEvaluation.Web.ViewModels.Groups;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators organise the expert groups of each evaluation year.</summary>
[Route("groups")]
[Authorize(Policy = Policies.Administer)]
public sealed class GroupsController(ExpertGroupService groups, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var years = await groups.YearsAsync();
        var chosen = year is >= 2016 and <= 9999 ? year.Value : MieEvaluation.Domain.Evaluation.EvaluationRound.DataYear(clock.GetUtcNow());
        return View(new GroupListPage(chosen, years, await groups.ListAsync(chosen), new NewGroupInput { Year = chosen }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(NewGroupInput input, [FromServices] IValidator<NewGroupInput> validator)
    {
        if ((await validator.ValidateAsync(input)).AddTo(ModelState) && await groups.NameTakenAsync(input.Year, input.Name.Trim()))
        {
            ModelState.AddModelError(nameof(input.Name), localizer["Groups.NameTaken", input.Name, input.Year]);
        }

        if (!ModelState.IsValid)
        {
            var years = await groups.YearsAsync();
            var year = input.Year is >= 2016 and <= 9999 ? input.Year : MieEvaluation.Domain.Evaluation.EvaluationRound.DataYear(clock.GetUtcNow());
            return View(nameof(Index), new GroupListPage(year, years, await groups.ListAsync(year), input));
        }

        return RedirectToAction(nameof(Detail), new { id = await groups.CreateAsync(input) });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id) =>
        await groups.DetailAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/members")]
    public async Task<IActionResult> AddMember(int id, MemberInput input, [FromServices] IValidator<MemberInput> validator)
    {
        if (await groups.DetailAsync(id) is null)
        {
            return NotFound();
        }

        if ((await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            foreach (var (field, message) in await groups.AddMemberAsync(id, input))
            {
                ModelState.AddModelError(field, message);
            }
        }

        return ModelState.IsValid ? RedirectToAction(nameof(Detail), new { id }) : View(nameof(Detail), await groups.DetailAsync(id, input));
    }

    [HttpPost("{id:int}/members/{memberId:int}/remove")]
    public async Task<IActionResult> RemoveMember(int id, int memberId)
    {
        await groups.RemoveMemberAsync(id, memberId);
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/bases")]
    public async Task<IActionResult> AssignBases(int id, [FromForm] List<int> baseIds)
    {
        if (await groups.DetailAsync(id) is null)
        {
            return NotFound();
        }

        var (refused, conflicts) = baseIds.Count == 0 ? (0, []) : await groups.AssignBasesAsync(id, baseIds);
        if (conflicts.Count > 0)
        {
            TempData["Warning"] = string.Join(" ", [localizer["Groups.ConflictsRefused"].Value, .. conflicts]);
        }
        else if (refused > 0)
        {
            TempData["Warning"] = localizer["Groups.BasesRefused", refused].Value;
        }

        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/bases/{baseId:int}/remove")]
    public async Task<IActionResult> RemoveBase(int id, int baseId)
    {
        await groups.RemoveBaseAsync(id, baseId);
        return RedirectToAction(nameof(Detail), new { id });
    }
}
