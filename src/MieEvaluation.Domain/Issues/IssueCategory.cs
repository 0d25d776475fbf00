namespace MieEvaluation.Domain.Issues;

/// <summary>A kind of problem found during evaluation, e.g. too few exchange channels between regions.</summary>
public class IssueCategory
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int DisplayOrder { get; set; }

    public bool IsActive { get; set; } = true;
}
