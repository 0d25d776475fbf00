using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Admin;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators manage accounts and their roles.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.Administer)]
public sealed class UsersController(UserManager<AppUser> users, IValidator<UserInput> validator, BasePageService bases, IStringLocalizer<SharedResource> localizer)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
        {
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.IsDisabled));
        }

        return View(rows);
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new UserInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserInput input)
    {
        input.Id = null;
        var baseId = await BaseOfAsync(input);
        if (!(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            return View("Edit", input);
        }

        var user = new AppUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = input.DisplayName.Trim(), EmailConfirmed = true, BaseId = baseId,
        };
        if (!(await users.CreateAsync(user, input.Password!)).AddTo(ModelState))
        {
            input.Password = null;
            return View("Edit", input);
        }

        await users.AddToRolesAsync(user, input.Roles.Distinct());
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null
            ? NotFound()
            : View(new UserInput
            {
                Id = user.Id, Email = user.Email ?? "", DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)],
                BaseCode = user.BaseId is { } baseId ? (await bases.NameAsync(baseId)).Code : null,
            });
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, UserInput input)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        input.Id = id;
        input.Password = null;
        var baseId = await BaseOfAsync(input);
        if (!(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            return View(input);
        }

        user.BaseId = baseId;
        user.DisplayName = input.DisplayName.Trim();
        user.Email = user.UserName = input.Email.Trim();
        if (!(await users.UpdateAsync(user)).AddTo(ModelState))
        {
            return View(input);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        await users.AddToRolesAsync(user, input.Roles.Distinct().Except(current));
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The id of the base the input names; an unknown code is a model error.</summary>
    private async Task<int?> BaseOfAsync(UserInput input)
    {
        if (string.IsNullOrWhiteSpace(input.BaseCode))
        {
            return null;
        }

        var id = await bases.FindIdAsync(input.BaseCode.Trim());
        if (id is null)
        {
            ModelState.AddModelError(nameof(UserInput.BaseCode), localizer["Report.UnknownBase", input.BaseCode]);
        }

        return id;
    }
}
