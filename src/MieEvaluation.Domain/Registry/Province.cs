namespace MieEvaluation.Domain.Registry;

/// <summary>One of the 31 provincial-level divisions; <see cref="Code"/> is its English name, as in the registry CSV.</summary>
public class Province
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public Region Region { get; set; }
}
