using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Localization;

/// <summary>Display names of enum values and bilingual database names in the current UI language.</summary>
public static class LocalizerExtensions
{
    public static string Name(this IStringLocalizer localizer, Region region) => localizer[$"Region.{region}"];

    public static string Name(this IStringLocalizer localizer, BaseType type) => localizer[$"BaseType.{type}"];

    /// <summary>Why a value or comment cannot be stored, naming the indicator (<paramref name="label"/>) and what was typed.</summary>
    public static string ValueProblem(this IStringLocalizer localizer, ValueProblem problem, string label, string? text, int decimals) => problem switch
    {
        Domain.Evaluation.ValueProblem.NotANumber => localizer["Entry.NotANumber", label, text ?? ""],
        Domain.Evaluation.ValueProblem.Negative => localizer["Entry.Negative", label],
        Domain.Evaluation.ValueProblem.TooLarge => localizer["Entry.TooLarge", label],
        Domain.Evaluation.ValueProblem.TooManyDecimals => localizer["Entry.TooManyDecimals", label, decimals],
        Domain.Evaluation.ValueProblem.CommentTooLong => localizer["Entry.CommentTooLong", label, ReportedValueRules.MaxCommentLength],
        _ => localizer["Import.MissingUnexplained", label],
    };

    /// <summary>Why a form cannot be submitted, naming the indicator.</summary>
    public static string SubmitProblem(this IStringLocalizer localizer, SubmitProblemKind kind, string label) =>
        localizer[kind == SubmitProblemKind.Missing ? "Entry.MissingOnSubmit" : "Entry.UnexplainedWarning", label];

    /// <summary>The Chinese or English form of a name stored in both languages.</summary>
    public static string Pick(string zh, string en) => BilingualText.Pick(CultureInfo.CurrentUICulture, zh, en);
}
