using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;

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

    /// <summary>Plain digits with an optional minus sign and decimal point: "11,740", "1.2e3", "NaN" and "∞" are refused.</summary>
    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}

/// <summary>The form together with what its rules need: the indicators with their allowed decimals.</summary>
public sealed record YearlyFormCheck(YearlyFormInput Input, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The errors that block saving: a value that is not a plain number, negative, too large, or has more decimals than its
/// indicator allows, and a comment that is too long. Warnings are the service's (they need other bases' data).
/// </summary>
public sealed class YearlyFormValidator : AbstractValidator<YearlyFormCheck>
{
    /// <summary>Far above any real figure and well inside the exact range of the SQLite storage (ADR 0008).</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public const int MaxCommentLength = 2000;

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
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (!YearlyFormInput.TryParse(text, out var value))
                    {
                        context.AddFailure($"Values[{name}]", localizer["Entry.NotANumber", label, text]);
                    }
                    else if (value < 0)
                    {
                        context.AddFailure($"Values[{name}]", localizer["Entry.Negative", label]);
                    }
                    else if (value > MaxValue)
                    {
                        context.AddFailure($"Values[{name}]", localizer["Entry.TooLarge", label]);
                    }
                    else if (!ValueChecks.FitsDecimals(value, indicator.Decimals))
                    {
                        context.AddFailure($"Values[{name}]", localizer["Entry.TooManyDecimals", label, indicator.Decimals]);
                    }
                }

                if (check.Input.Comments.GetValueOrDefault(name) is { Length: > MaxCommentLength })
                {
                    context.AddFailure($"Comments[{name}]", localizer["Entry.CommentTooLong", label, MaxCommentLength]);
                }
            }
        });
    }
}
