namespace MieEvaluation.Web.Services.Exports;

/// <summary>
/// The columns of every export, in order: the CSV header, the spreadsheet's header and the JSON keys. Exports with one
/// column per year (growth, completeness) list here the columns around the years. docs/exports.md describes each.
/// </summary>
public static class ExportColumns
{
    private static ExportColumn T(string name) => ExportColumn.Text(name);

    private static ExportColumn I(string name) => ExportColumn.WholeNumber(name);

    private static ExportColumn D(string name) => ExportColumn.Number(name);

    private static readonly ExportColumn[] Indicator =
        [T("indicator_code"), T("indicator_name_zh"), T("indicator_name_en"), T("unit_zh"), T("unit_en"), T("aggregation"), T("panel")];

    /// <summary>Before the years of the wide growth table; each year then has <c>&lt;year&gt;</c> (the aggregate) and <c>n_&lt;year&gt;</c>.</summary>
    public static readonly IReadOnlyList<ExportColumn> GrowthLead = Indicator;

    public static readonly IReadOnlyList<ExportColumn> GrowthTail =
    [
        D("cagr_rate"), D("cagr_percent"), T("cagr_reason"), T("cagr_note"),
        D("median_base_cagr_rate"), D("median_base_cagr_percent"), I("median_base_cagr_n"), T("median_base_cagr_reason"), T("scope"),
    ];

    public static readonly IReadOnlyList<ExportColumn> GrowthLong =
    [
        .. Indicator, I("year"), D("value"), I("n"), I("expected_bases"), T("incomplete"), D("growth_rate"), D("growth_percent"), T("growth_reason"), T("scope"),
    ];

    public static readonly IReadOnlyList<ExportColumn> Values =
    [
        T("base_code"), T("base_name_zh"), T("base_name_en"), T("region"), T("type"), T("province"), I("batch_year"), I("year"),
        T("indicator_code"), T("indicator_name_zh"), T("indicator_name_en"), T("unit_zh"), T("unit_en"), D("value"), T("status"), T("comment"), T("scope"),
    ];

    /// <summary>Before the years of the completeness table; each year then holds the form's state.</summary>
    public static readonly IReadOnlyList<ExportColumn> CompletenessLead =
        [T("base_code"), T("base_name_zh"), T("base_name_en"), T("region"), T("type"), T("province"), I("batch_year")];

    public static readonly IReadOnlyList<ExportColumn> Issues =
    [
        T("base_code"), T("base_name_zh"), T("base_name_en"), T("region"), T("type"), I("year"), I("category_id"), T("category_code"),
        T("category_zh"), T("category_en"), T("severity"), T("status"), T("text"),
    ];
}

/// <summary>The exports the API serves, for the description of their rows in the OpenAPI document.</summary>
public enum ExportKind
{
    Growth,
    GrowthLong,
    Values,
    Completeness,
    Issues,
}

/// <summary>The columns of an export's rows as the OpenAPI document describes them.</summary>
public static class ExportSchemas
{
    /// <summary>The fixed columns, and the kind of the per-year columns (<c>&lt;year&gt;</c>, <c>n_&lt;year&gt;</c>) when the export has them.</summary>
    public static (IReadOnlyList<ExportColumn> Fixed, ColumnKind? PerYear) Of(ExportKind kind) => kind switch
    {
        ExportKind.Growth => ([.. ExportColumns.GrowthLead, .. ExportColumns.GrowthTail], ColumnKind.Number),
        ExportKind.GrowthLong => (ExportColumns.GrowthLong, null),
        ExportKind.Values => (ExportColumns.Values, null),
        ExportKind.Completeness => (ExportColumns.CompletenessLead, ColumnKind.Text),
        _ => (ExportColumns.Issues, null),
    };
}
