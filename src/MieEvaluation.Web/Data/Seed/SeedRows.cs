using CsvHelper.Configuration.Attributes;

namespace MieEvaluation.Web.Data.Seed;

// The columns of the checked-in seed files under Data/Seed/.

internal sealed class ProvinceRow
{
    [Name("province")] public string Province { get; set; } = "";
    [Name("name_zh")] public string NameZh { get; set; } = "";
    [Name("region")] public string Region { get; set; } = "";
}

/// <summary>The registry columns; the same columns serve the administrators' base import.</summary>
internal sealed class BaseRow
{
    [Name("code")] public string Code { get; set; } = "";
    [Name("batch_year")] public int BatchYear { get; set; }
    [Name("type")] public string Type { get; set; } = "";
    [Name("province")] public string Province { get; set; } = "";
    [Name("region")] public string Region { get; set; } = "";
    [Name("name_zh")] public string NameZh { get; set; } = "";
    [Name("name_en")] public string NameEn { get; set; } = "";
}

internal sealed class IndicatorRow
{
    [Name("code")] public string Code { get; set; } = "";
    [Name("name_en")] public string NameEn { get; set; } = "";
    [Name("name_zh")] public string NameZh { get; set; } = "";
    [Name("unit_en")] public string UnitEn { get; set; } = "";
    [Name("unit_zh")] public string UnitZh { get; set; } = "";
    [Name("decimals")] public int Decimals { get; set; }
    [Name("aggregation")] public string Aggregation { get; set; } = "";
    [Name("display_order")] public int DisplayOrder { get; set; }
}

internal sealed class IssueCategoryRow
{
    [Name("code")] public string Code { get; set; } = "";
    [Name("name_en")] public string NameEn { get; set; } = "";
    [Name("name_zh")] public string NameZh { get; set; } = "";
    [Name("display_order")] public int DisplayOrder { get; set; }
}

/// <summary>The report's table of national means (seed-table.csv); the demo data follows it.</summary>
internal sealed class ReportMeanRow
{
    [Name("indicator_code")] public string Code { get; set; } = "";
    [Name("2016")] public decimal Mean2016 { get; set; }
    [Name("2017")] public decimal Mean2017 { get; set; }
    [Name("2018")] public decimal Mean2018 { get; set; }
}
