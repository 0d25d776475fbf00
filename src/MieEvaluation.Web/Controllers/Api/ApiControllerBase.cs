using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// The HTTP API for scripts (docs/api.md): personal access tokens only (never the cookie), no anti-forgery token (no
/// cookie, nothing to forge), errors as RFC 7807 problem details. It calls the same services as the pages.
/// </summary>
[ApiController]
[Route("api/v1")]
[Authorize(AuthenticationSchemes = TokenAuthenticationHandler.SchemeName)]
[IgnoreAntiforgeryToken]
[RejectUnknownParameters]
public abstract class ApiControllerBase : ControllerBase
{
    /// <summary>A 400 problem naming what is wrong.</summary>
    protected ObjectResult BadParameter(IEnumerable<string> reasons) =>
        Problem(detail: string.Join(" ", reasons.Distinct()), statusCode: StatusCodes.Status400BadRequest, title: "Bad parameter");

    protected ObjectResult Unknown(string what) =>
        Problem(detail: what, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
