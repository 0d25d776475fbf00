using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MieEvaluation.Web.Controllers.Api;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Setup;

/// <summary>
/// The OpenAPI document at <c>/api/v1/openapi.json</c>: generated from the API's actions and their typed answers, with
/// what generation cannot see added here — the rows of each export (from its columns), the raw table bodies of the
/// imports, and the problem details every endpoint may answer. A test validates real answers against it.
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddMieOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<ExportRowsAttribute>().FirstOrDefault() is { } export)
                {
                    operation.Responses ??= [];
                    operation.Responses["200"] = new OpenApiResponse
                    {
                        Description = "The export's rows (JSON), or the same table as CSV (.csv, Accept: text/csv) or a workbook (.xlsx).",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = Rows(export.Kind) },
                            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            [XlsxExport.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    };
                }

                if (metadata.OfType<TableRequestBodyAttribute>().Any())
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The table: UTF-8 or GB18030 CSV text, or an Excel workbook (its first sheet).",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            [ApiImport.WorkbookContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    };
                }

                if (metadata.OfType<SchemeJsonBodyAttribute>().FirstOrDefault() is { } schemeBody)
                {
                    var scheme = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "An evaluation scheme (docs/evaluation.md)." } };
                    if (schemeBody.InRequest)
                    {
                        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = scheme } };
                        operation.Responses ??= [];
                        operation.Responses["422"] = new OpenApiResponse
                        {
                            Description = "The scheme is invalid: every problem, with where it is.",
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = Problem() } },
                        };
                    }
                    else
                    {
                        operation.Responses ??= [];
                        operation.Responses["200"] = new OpenApiResponse { Description = "The scheme's JSON.", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = scheme } };
                    }
                }

                operation.Responses ??= [];
                foreach (var (status, what) in Problems)
                {
                    operation.Responses.TryAdd(status, new OpenApiResponse
                    {
                        Description = what,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = Problem() } },
                    });
                }

                return Task.CompletedTask;
            });
            // The evaluation's documents are written in snake_case like the scheme's JSON (ResultsDocument.Json).
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type.IsDefined(typeof(Services.Evaluation.SnakeCaseJsonAttribute), inherit: false) && schema.Properties is { } properties)
                {
                    schema.Properties = properties.ToDictionary(p => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value);
                    schema.Required = schema.Required?.Select(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName).ToHashSet();
                }

                return Task.CompletedTask;
            });
        });

    private static readonly (string Status, string What)[] Problems =
    [
        ("400", "A bad or unknown parameter."), ("401", "No token, or one that is unknown, expired or revoked."),
        ("403", "The token's roles do not allow this."), ("404", "An unknown code or path."), ("415", "A body of the wrong content type."),
    ];

    /// <summary>RFC 9457 problem details as the API writes them.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    private static OpenApiSchema Rows(ExportKind kind)
    {
        var (columns, perYear) = ExportSchemas.Of(kind);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = columns.Select(c => c.Name).ToHashSet(),
                Properties = columns.ToDictionary(c => c.Name, c => (IOpenApiSchema)Cell(c.Kind)),
                // Per-year columns (growth: <year> and n_<year>; completeness: <year>), or nothing beyond the fixed ones.
                AdditionalProperties = perYear is { } kindOfYears ? Cell(kindOfYears == ColumnKind.Text ? ColumnKind.Text : ColumnKind.Number) : null,
                AdditionalPropertiesAllowed = perYear is not null,
            },
        };
    }

    private static OpenApiSchema Cell(ColumnKind kind) => new()
    {
        Type = (kind switch { ColumnKind.Text => JsonSchemaType.String, ColumnKind.WholeNumber => JsonSchemaType.Integer, _ => JsonSchemaType.Number })
               | JsonSchemaType.Null,
    };
}
