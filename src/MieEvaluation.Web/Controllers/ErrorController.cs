using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.ViewModels.Errors;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The friendly error page. It shows the request's trace id, which Serilog's request logging writes with the
/// failing request, so an administrator can find the stack trace that the user never sees.
/// </summary>
[Route("error")]
[AllowAnonymous]
// The error page is re-executed with the failed request's method and body: a POST that failed (a 429, a malformed
// multipart body) must not fail again by reading that body, in the anti-forgery check or in model binding (a 500).
[IgnoreAntiforgeryToken]
[ReadsNoForm]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("")]
    [Route("{statusCode:int}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Index([FromRoute] int? statusCode)
    {
        var code = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View(new ErrorPage(code, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier));
    }
}

/// <summary>Binds from the route and the query only: the request's form, whatever it holds, is never read.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ReadsNoFormAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IResourceFilter
{
    public void OnResourceExecuting(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        for (var i = factories.Count - 1; i >= 0; i--)
        {
            if (factories[i] is Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory
                or Microsoft.AspNetCore.Mvc.ModelBinding.FormFileValueProviderFactory
                or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory)
            {
                factories.RemoveAt(i);
            }
        }
    }

    public void OnResourceExecuted(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutedContext context)
    {
    }
}
