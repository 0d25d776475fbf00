using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// A query parameter the action does not take is refused (400) with the list of those it does: a script that misspells
/// <c>region</c> or sends <c>foo=bar</c> must not silently get another table than it asked for. The parameters an
/// action takes are read from its binding: simple parameters by name, <c>[FromQuery]</c> models by their properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RejectUnknownParametersAttribute : Attribute, IActionFilter, IOrderedFilter
{
    /// <summary>Before model validation and every other filter: nothing runs for a request that is refused.</summary>
    public int Order => int.MinValue;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = Known(context);
        var unknown = context.HttpContext.Request.Query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var detail = localizer["Api.UnknownParameters", string.Join(", ", unknown),
            known.Count == 0 ? localizer["Api.NoParameters"] : string.Join(", ", known.Order(StringComparer.Ordinal))].Value;
        context.Result = context.HttpContext.Request.Path.StartsWithSegments("/api")
            ? new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad parameter", Detail = detail })
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            }
            : ValidationExtensions.PlainBadRequest([detail]);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static HashSet<string> Known(ActionExecutingContext context)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (source == BindingSource.Services || source == BindingSource.Body || source == BindingSource.Path || source == BindingSource.Special ||
                source == BindingSource.Form || source == BindingSource.FormFile || parameter.ParameterType == typeof(CancellationToken) ||
                context.RouteData.Values.ContainsKey(parameter.Name))
            {
                continue;
            }

            if (parameter.ParameterType.IsClass && parameter.ParameterType != typeof(string))
            {
                known.UnionWith(parameter.ParameterType.GetProperties().Where(p => p.CanWrite).Select(p => p.Name));
            }
            else
            {
                known.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
            }
        }

        return known;
    }
}
