using MieEvaluation.Domain.Issues;
using MieEvaluation.Web.ViewModels.Groups;

namespace MieEvaluation.Web.ViewModels.Issues;

public sealed record IssueFormPage(IssueInput Input, string BaseNameZh, string BaseNameEn, IReadOnlyList<Choice> Categories);

public sealed record IssueRow(int Id, int Year, string CategoryZh, string CategoryEn, IssueSeverity Severity, IssueStatus Status, string Text, DateTime CreatedAtUtc);

public sealed record BaseIssuesPage(string Code, string NameZh, string NameEn, IReadOnlyList<IssueRow> Issues, bool CanRecord, IReadOnlySet<int> EditableYears);

public sealed record IssueSummaryPage(
    MieEvaluation.Web.Services.Issues.IssueSummary Summary, IReadOnlyList<string> Problems, string? Year, string? Category, string? Region,
    string? Status, string ChartJson);
