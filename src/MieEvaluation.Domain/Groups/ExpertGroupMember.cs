namespace MieEvaluation.Domain.Groups;

/// <summary>An evaluator account in a group, with the organisation and expertise they bring to it.</summary>
public class ExpertGroupMember
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public ExpertGroup Group { get; set; } = null!;

    /// <summary>The account's id (ASP.NET Core Identity user id).</summary>
    public required string UserId { get; set; }

    public required string Organisation { get; set; }

    public OrganisationKind OrganisationKind { get; set; }

    public ExpertiseKind Expertise { get; set; }

    /// <summary>The province of the member's organisation (its code), for rounds that keep experts from their own province.</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>Whether the member leads the group: records its site visits and sees its experts' agreement.</summary>
    public bool IsLeader { get; set; }
}
