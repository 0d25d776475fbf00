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
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("")]
    [Route("{statusCode:int}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Index(int? statusCode)
    {
        var code = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View(new ErrorPage(code, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier));
    }
}
