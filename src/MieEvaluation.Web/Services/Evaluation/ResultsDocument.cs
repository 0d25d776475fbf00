using System.Text.Json;
using System.Text.Json.Serialization;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>The type is written with snake_case names, like the scheme's JSON; the OpenAPI document says so too.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SnakeCaseJsonAttribute : Attribute;

/// <summary>
/// A scheme's results for a year as the API gives them and a publication freezes them: full precision, snake_case
/// names like the scheme's own JSON (docs/api.md).
/// </summary>
[SnakeCaseJson]
public sealed record ResultsDocument(
    string Scheme,
    int SchemeVersion,
    int Year,
    string Scope,
    long DataVersion,
    WeightsDocument Weights,
    IReadOnlyList<BaseResultDocument> Results)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ResultsDocument From(SchemeVersion version, SchemeResults results, long dataVersion)
    {
        var scheme = results.Scheme;
        var items = new Dictionary<string, double>();
        var itemCrs = new Dictionary<string, double?>();
        for (var d = 0; d < scheme.Dimensions.Count; d++)
        {
            for (var k = 0; k < scheme.Dimensions[d].Items.Count; k++)
            {
                items[scheme.Dimensions[d].Items[k].Key] = results.Shares.Items[d][k];
            }

            itemCrs[scheme.Dimensions[d].Code] = results.Shares.ItemConsistencyRatios[d];
        }

        return new ResultsDocument(version.Code, version.Version, results.Year, "approved", dataVersion,
            new WeightsDocument(scheme.Dimensions.Select((d, i) => (d.Code, results.Shares.Dimensions[i])).ToDictionary(x => x.Code, x => x.Item2),
                items, results.Shares.DimensionConsistencyRatio, itemCrs),
            [.. results.Bases.Select(b => new BaseResultDocument(b.Code, b.Type.ToCode(), b.Total, b.Rank, b.RankedPeers, b.Grade?.Code, b.Coverage,
                b.Dimensions, b.Items.ToDictionary(i => i.Key, i => i.Score),
                b.UndefinedReason is null ? null : "too_much_missing_data"))]);
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ResultsDocument? Deserialize(string json) => JsonSerializer.Deserialize<ResultsDocument>(json, Json);
}

/// <summary>The effective weights: dimension shares, item shares within their dimension, and the AHP consistency ratios.</summary>
[SnakeCaseJson]
public sealed record WeightsDocument(
    IReadOnlyDictionary<string, double> Dimensions,
    IReadOnlyDictionary<string, double> Items,
    double? DimensionCr,
    IReadOnlyDictionary<string, double?> ItemCr);

[SnakeCaseJson]
public sealed record BaseResultDocument(
    string BaseCode,
    string Type,
    double? Total,
    int? Rank,
    int RankedPeers,
    string? Grade,
    double Coverage,
    IReadOnlyDictionary<string, double?> Dimensions,
    IReadOnlyDictionary<string, double?> Items,
    string? UndefinedReason);
