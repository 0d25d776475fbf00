using System.Security.Claims;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.Services.Forms;

/// <summary>Collects the audit rows of one save, all stamped with the same user, time and source.</summary>
internal sealed class AuditTrail(ClaimsPrincipal user, DateTime now, ChangeSource source, string? sourceName)
{
    private readonly string _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    private readonly string _userName = user.Identity?.Name ?? "";

    public List<AuditEntry> Entries { get; } = [];

    public void Value(Submission submission, int indicatorId, decimal? oldValue, decimal? newValue, string? comment) =>
        Entries.Add(Entry(submission, e =>
        {
            e.IndicatorId = indicatorId;
            e.OldValue = oldValue;
            e.NewValue = newValue;
            e.Comment = comment;
        }));

    public void Status(Submission submission, SubmissionStatus? oldStatus, SubmissionStatus newStatus, string? reason) =>
        Entries.Add(Entry(submission, e =>
        {
            e.OldStatus = oldStatus;
            e.NewStatus = newStatus;
            e.Comment = reason;
        }));

    private AuditEntry Entry(Submission submission, Action<AuditEntry> fill)
    {
        var entry = new AuditEntry
        {
            SubmissionId = submission.Id,
            BaseId = submission.BaseId,
            Year = submission.Year,
            Source = source,
            SourceName = sourceName,
            UserId = _userId,
            UserName = _userName,
            AtUtc = now,
        };
        fill(entry);
        return entry;
    }
}

/// <summary>Reads audit entries as the pages show them, newest first, with the indicator's names.</summary>
internal static class AuditLines
{
    public static IQueryable<AuditLine> AsLines(this IQueryable<AuditEntry> entries, Data.MieDbContext db) =>
        entries.OrderByDescending(a => a.Id).Select(a => new AuditLine(a.AtUtc, a.UserName,
            db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.NameZh).FirstOrDefault(),
            db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.NameEn).FirstOrDefault(),
            a.OldValue, a.NewValue, a.OldStatus, a.NewStatus, a.Comment, a.Source, a.SourceName));
}
