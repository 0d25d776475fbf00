using MieEvaluation.Domain.Issues;
using MieEvaluation.Web.ViewModels.Groups;

namespace MieEvaluation.Web.ViewModels.Issues;

public sealed record IssueFormPage(IssueInput Input, string BaseNameZh, string BaseNameEn, IReadOnlyList<Choice> Categories);

public sealed record IssueRow(int Year, string CategoryZh, string CategoryEn, IssueSeverity Severity, IssueStatus Status, string Text, DateTime CreatedAtUtc);

public sealed record BaseIssuesPage(string Code, string NameZh, string NameEn, IReadOnlyList<IssueRow> Issues, bool CanRecord);
