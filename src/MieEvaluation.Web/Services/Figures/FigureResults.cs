using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>One indicator row: the figures over all reporting bases and over the balanced panel, side by side.</summary>
public sealed record IndicatorFigures(Indicator Indicator, SeriesGrowth AllReporting, SeriesGrowth BalancedPanel);

/// <summary>The national table for a year range: one row per active indicator, in display order.</summary>
public sealed record NationalFigures(FigureQuery Query, IReadOnlyList<IndicatorFigures> Rows);

/// <summary>One group of a breakdown (a region, a type, a batch year or a province) with its yearly aggregates.</summary>
public sealed record BreakdownGroup(string Key, SeriesGrowth Growth);

public sealed record IndicatorBreakdown(Indicator Indicator, IReadOnlyList<BreakdownGroup> Groups);

/// <summary>A base's own value in a year with its standing among the bases of its type.</summary>
public sealed record BaseYearFigure(int Year, decimal? Value, PeerStanding? Standing);

/// <summary>A base's series for one indicator, its growth, and its rank and percentile per year.</summary>
public sealed record BaseIndicatorFigures(Indicator Indicator, IReadOnlyList<BaseYearFigure> Years, GrowthRate Cagr, IReadOnlyList<GrowthRate> YearOnYear);
