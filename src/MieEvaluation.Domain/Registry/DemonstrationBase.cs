namespace MieEvaluation.Domain.Registry;

/// <summary>
/// A national mass innovation and entrepreneurship demonstration base (双创示范基地).
/// <see cref="Code"/> is the stable key that imports and exports use, e.g. <c>16R01</c>.
/// </summary>
public class DemonstrationBase
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public BaseType Type { get; set; }

    public int ProvinceId { get; set; }

    public Province Province { get; set; } = null!;

    /// <summary>The year of the designation batch (2016 or 2017 so far).</summary>
    public int BatchYear { get; set; }

    public bool IsActive { get; set; } = true;
}
