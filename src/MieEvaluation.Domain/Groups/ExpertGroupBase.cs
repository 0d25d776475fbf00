using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Domain.Groups;

/// <summary>A base assigned to a group for the group's year.</summary>
public class ExpertGroupBase
{
    public int GroupId { get; set; }

    public ExpertGroup Group { get; set; } = null!;

    public int BaseId { get; set; }

    /// <summary>
    /// The group's year, held here too so that the database itself enforces one group per base and year (a unique
    /// index on base and year). The context copies it from the group on every insert (MieDbContext), so it cannot differ.
    /// </summary>
    public int Year { get; set; }

    public DemonstrationBase Base { get; set; } = null!;
}
