namespace MieEvaluation.Domain.Evaluation;

/// <summary>Which forms a national figure counts (docs/formulas.md, "Which values count").</summary>
public enum FigureScope
{
    /// <summary>Reviewed data only: the evaluation's figures, and the default everywhere.</summary>
    Approved,

    /// <summary>Approved and submitted forms: what the figures will be if the reviewers approve what waits for them.</summary>
    Provisional,
}

/// <summary>The statuses of a scope, and when a year has too few counted bases to be read as a national figure.</summary>
public static class FigureScopes
{
    private static readonly IReadOnlySet<SubmissionStatus> ApprovedOnly = new HashSet<SubmissionStatus> { SubmissionStatus.Approved };
    private static readonly IReadOnlySet<SubmissionStatus> ApprovedAndSubmitted =
        new HashSet<SubmissionStatus> { SubmissionStatus.Approved, SubmissionStatus.Submitted };

    /// <summary>The statuses counted: drafts and returned forms never count.</summary>
    public static IReadOnlySet<SubmissionStatus> Counted(FigureScope scope) => scope == FigureScope.Provisional ? ApprovedAndSubmitted : ApprovedOnly;

    /// <summary>The scope's name in URLs, files and API answers.</summary>
    public static string Code(FigureScope scope) => scope == FigureScope.Provisional ? "provisional" : "approved";

    public static bool TryParse(string? text, out FigureScope scope)
    {
        scope = FigureScope.Approved;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "approved":
                return true;
            case "provisional":
                scope = FigureScope.Provisional;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A year is incomplete when fewer than half of the bases expected to report (designated by that year, active, in
    /// the selection) have counted values: n &lt; expected / 2. Its mean may be far from the one the full year will have.
    /// </summary>
    public static bool IsIncomplete(int counted, int expected) => expected > 0 && counted * 2 < expected;
}
