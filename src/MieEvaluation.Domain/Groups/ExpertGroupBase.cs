using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Domain.Groups;

/// <summary>A base assigned to a group for the group's year.</summary>
public class ExpertGroupBase
{
    public int GroupId { get; set; }

    public ExpertGroup Group { get; set; } = null!;

    public int BaseId { get; set; }

    public DemonstrationBase Base { get; set; } = null!;
}
