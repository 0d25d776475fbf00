namespace MieEvaluation.Domain.Groups;

/// <summary>
/// An evaluation team for one year: evaluators whose professional and operational expertise complement each other,
/// and the bases they evaluate. Evaluators may write data only for the bases of their groups of that year.
/// </summary>
public class ExpertGroup
{
    public int Id { get; set; }

    public int Year { get; set; }

    public required string Name { get; set; }

    public List<ExpertGroupMember> Members { get; } = [];

    public List<ExpertGroupBase> Bases { get; } = [];

    /// <summary>The kinds of expertise that no member brings; a balanced group has none missing.</summary>
    public IReadOnlyList<ExpertiseKind> MissingExpertise() =>
        Enum.GetValues<ExpertiseKind>().Where(kind => Members.All(m => m.Expertise != kind)).ToList();
}
