using FluentValidation;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Localization;

namespace MieEvaluation.Web.ViewModels.DataEntry;

/// <summary>The yearly form as posted: texts keyed by indicator code, so a wrong number can be shown back as typed.</summary>
public sealed class YearlyFormInput
{
    /// <summary>The version of the form the user started from (empty for a new form): the optimistic concurrency check.</summary>
    public Guid? Version { get; set; }

    /// <summary><c>save</c> or <c>submit</c>.</summary>
    public string Command { get; set; } = "save";

    public Dictionary<string, string?> Values { get; set; } = new();

    public Dictionary<string, string?> Comments { get; set; } = new();

    /// <summary>The posted values as reported values by indicator id (texts already validated: a bad number reads as none).</summary>
    public IReadOnlyDictionary<int, ReportedValue> ToReported(IReadOnlyList<Indicator> indicators) =>
        indicators.ToDictionary(i => i.Id, i => new ReportedValue(
            ReportedValueRules.CheckValue(Values.GetValueOrDefault(i.Code), i.Decimals, out var value) is null ? value : null,
            Comments.GetValueOrDefault(i.Code)));
}

/// <summary>The form together with what its rules need: the indicators with their allowed decimals.</summary>
public sealed record YearlyFormCheck(YearlyFormInput Input, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The errors that block saving: each value and comment checked by <see cref="ReportedValueRules"/>, the rule set the
/// import uses too. Warnings are the gate's (they need other bases' data).
/// </summary>
public sealed class YearlyFormValidator : AbstractValidator<YearlyFormCheck>
{
    public YearlyFormValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Input.Command).Must(c => c is "save" or "submit").WithMessage(localizer["Groups.BadChoice"]);
        RuleFor(x => x).Custom((check, context) =>
        {
            foreach (var indicator in check.Indicators)
            {
                var name = indicator.Code;
                var label = Localization.LocalizerExtensions.Pick(indicator.NameZh, indicator.NameEn);
                var text = check.Input.Values.GetValueOrDefault(name);
                if (ReportedValueRules.CheckValue(text, indicator.Decimals, out _) is { } problem)
                {
                    context.AddFailure($"Values[{name}]", localizer.ValueProblem(problem, label, text, indicator.Decimals));
                }

                if (ReportedValueRules.CheckComment(check.Input.Comments.GetValueOrDefault(name)) is { } commentProblem)
                {
                    context.AddFailure($"Comments[{name}]", localizer.ValueProblem(commentProblem, label, null, indicator.Decimals));
                }
            }
        });
    }
}
