namespace MieEvaluation.Domain.Evaluation;

/// <summary>Why a form cannot be submitted yet.</summary>
public enum SubmitProblemKind
{
    /// <summary>An active indicator has neither a value nor a comment explaining why there is none.</summary>
    Missing,

    /// <summary>A value raises a warning (<see cref="ValueChecks"/>) and its comment does not explain it.</summary>
    UnexplainedWarning,
}

public sealed record SubmitProblem(int IndicatorId, SubmitProblemKind Kind);

/// <summary>
/// The submit rules (docs/formulas.md, "Warnings on entered values"): a form is complete when every active indicator
/// has a value or an explained gap, and every warning of a value is explained in its comment. The same rules decide a
/// form submitted on the page, an imported form (submitted only if it passes) and a reviewer's approval on import.
/// </summary>
public static class SubmitRules
{
    /// <param name="indicatorIds">The active indicators, in display order.</param>
    /// <param name="reported">The form's values after the change, by indicator.</param>
    /// <param name="warnings">The warnings a value (or a gap) raises for an indicator.</param>
    public static IReadOnlyList<SubmitProblem> Problems(IEnumerable<int> indicatorIds, IReadOnlyDictionary<int, ReportedValue> reported,
        Func<int, decimal?, IReadOnlyCollection<ValueWarning>> warnings)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(warnings);
        var problems = new List<SubmitProblem>();
        foreach (var id in indicatorIds)
        {
            var value = reported.GetValueOrDefault(id);
            if (value.IsExplained)
            {
                continue;
            }

            if (value.Value is null)
            {
                problems.Add(new SubmitProblem(id, SubmitProblemKind.Missing));
            }
            else if (warnings(id, value.Value).Count > 0)
            {
                problems.Add(new SubmitProblem(id, SubmitProblemKind.UnexplainedWarning));
            }
        }

        return problems;
    }
}
