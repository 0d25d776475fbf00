using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.Web.ViewModels.Figures;

/// <summary>The national dashboard: the table of the chosen panel, the region comparison, and the chart data as JSON.</summary>
public sealed record DashboardPage(
    FigureFilterInput Filter,
    IReadOnlyList<string> IgnoredFilters,
    bool Balanced,
    NationalFigures Figures,
    IReadOnlyList<BreakdownGroup> Regions,
    string RegionIndicatorCode,
    string ChartJson,
    FigureScope Scope,
    IReadOnlyDictionary<int, int> ExpectedBases,
    IReadOnlyList<MieEvaluation.Domain.Registry.Province> Provinces)
{
    /// <summary>The bases counted in a year: the largest N of its indicators.</summary>
    public int CountedBases(int year) => Figures.Rows.Select(r => Series(r).Yearly.Single(y => y.Year == year).N).DefaultIfEmpty(0).Max();

    /// <summary>Whether a year's column is incomplete: fewer bases counted than half of those expected.</summary>
    public bool IsIncomplete(int year) => FigureScopes.IsIncomplete(CountedBases(year), ExpectedBases[year]);

    public IEnumerable<int> Years => Enumerable.Range(Figures.Query.FromYear, Figures.Query.YearCount);

    public SeriesGrowth Series(IndicatorFigures row) => Balanced ? row.BalancedPanel : row.AllReporting;

    /// <summary>The current URL's query with one parameter changed: links keep the whole state.</summary>
    public string With(string name, string? value)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["from"] = Filter.From, ["to"] = Filter.To, ["region"] = Filter.Region, ["type"] = Filter.Type,
            ["batch"] = Filter.Batch, ["province"] = Filter.Province, ["panel"] = Filter.Panel, ["indicator"] = RegionIndicatorCode,
            ["status"] = Scope == FigureScope.Provisional ? "provisional" : null,
        };
        pairs[name] = value;
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
