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

    /// <summary>
    /// The message of a value problem as a resource key and its arguments, naming the indicator (<paramref name="label"/>)
    /// and what was typed: one text per problem for the form and the import alike.
    /// </summary>
    public static (string Key, object[] Args) ValueProblemMessage(ValueProblem problem, string label, string? text, int decimals) => problem switch
    {
        Domain.Evaluation.ValueProblem.NotANumber => ("Entry.NotANumber", [label, text ?? ""]),
        Domain.Evaluation.ValueProblem.Negative => ("Entry.Negative", [label]),
        Domain.Evaluation.ValueProblem.TooLarge => ("Entry.TooLarge", [label]),
        Domain.Evaluation.ValueProblem.TooManyDecimals => ("Entry.TooManyDecimals", [label, decimals]),
        Domain.Evaluation.ValueProblem.CommentTooLong => ("Entry.CommentTooLong", [label, ReportedValueRules.MaxCommentLength]),
        _ => ("Import.MissingUnexplained", [label]),
    };

    /// <summary>Why a value or comment cannot be stored, in the user's language (<see cref="ValueProblemMessage"/>).</summary>
    public static string ValueProblem(this IStringLocalizer localizer, ValueProblem problem, string label, string? text, int decimals)
    {
        var (key, args) = ValueProblemMessage(problem, label, text, decimals);
        return localizer[key, args];
    }

    /// <summary>Why a form cannot be submitted, naming the indicator.</summary>
    public static string SubmitProblem(this IStringLocalizer localizer, SubmitProblemKind kind, string label) =>
        localizer[kind == SubmitProblemKind.Missing ? "Entry.MissingOnSubmit" : "Entry.UnexplainedWarning", label];

    /// <summary>The Chinese or English form of a name stored in both languages.</summary>
    public static string Pick(string zh, string en) => BilingualText.Pick(CultureInfo.CurrentUICulture, zh, en);
}
