using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>The action answers an export's rows (JSON), or the same table as CSV or a workbook: the OpenAPI document describes them from the export's columns.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExportRowsAttribute(ExportKind kind) : Attribute
{
    public ExportKind Kind => kind;
}

/// <summary>The action reads a table as its raw body (CSV text or a workbook), not a bound model: the OpenAPI document says so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TableRequestBodyAttribute : Attribute;

/// <summary>The action takes (<see cref="InRequest"/>) or gives a scheme's JSON, described as such in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SchemeJsonBodyAttribute(bool inRequest) : Attribute
{
    public bool InRequest => inRequest;
}
