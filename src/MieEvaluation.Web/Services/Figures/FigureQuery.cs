using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Which values count: the year range, the bases (region, type, batch, province) and the submission statuses.
/// A null member means "all"; for statuses that is only for tools and tests — every page, export and API answer sets
/// them from its <see cref="FigureScope"/> (approved by default; drafts and returned forms never count).
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
