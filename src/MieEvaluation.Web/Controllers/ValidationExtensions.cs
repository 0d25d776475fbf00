using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MieEvaluation.Web.Controllers;

/// <summary>Moves FluentValidation and Identity errors into ModelState, where the views show them.</summary>
internal static class ValidationExtensions
{
    /// <summary>
    /// Adds the validator's errors; valid only when the validator found nothing and model binding did not fail either.
    /// A value that cannot be bound (an enum value that does not exist, a number beyond its type) leaves its property
    /// at the default, which the validator would then accept: it is refused with the binding's localised message instead.
    /// </summary>
    public static bool AddTo(this ValidationResult result, ModelStateDictionary modelState)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }

    public static bool AddTo(this IdentityResult result, ModelStateDictionary modelState, string key = "")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }

        return result.Succeeded;
    }

    /// <summary>A refused export or file request: 400 with the reasons as plain text, which scripts can print.</summary>
    public static ContentResult PlainBadRequest(IEnumerable<string> reasons) => PlainRefusal(StatusCodes.Status400BadRequest, reasons);

    /// <summary>A refused file request with its status (400, or 404 for an unknown code) and the reasons as plain text.</summary>
    public static ContentResult PlainRefusal(int status, IEnumerable<string> reasons) => new()
    {
        StatusCode = status,
        ContentType = "text/plain; charset=utf-8",
        Content = string.Join("\n", reasons.Distinct()),
    };
}
