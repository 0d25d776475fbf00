using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Which values count: the year range, the bases (region, type, batch, province) and the submission statuses.
/// A null member means "all". Statuses are all until the review workflow exists; then the default becomes Approved.
/// </summary>
public sealed record FigureQuery(
    int FromYear,
    int ToYear,
    IReadOnlySet<Region>? Regions = null,
    BaseType? Type = null,
    int? Batch = null,
    string? ProvinceCode = null,
    IReadOnlySet<SubmissionStatus>? Statuses = null)
{
    public int YearCount => ToYear - FromYear + 1;
}

/// <summary>The ways the national figures can be split.</summary>
public enum Breakdown
{
    Region,
    Type,
    Batch,
    Province,
}
