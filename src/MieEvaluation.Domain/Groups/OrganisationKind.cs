namespace MieEvaluation.Domain.Groups;

/// <summary>Where an evaluator comes from: teams are drawn from these.</summary>
public enum OrganisationKind
{
    LocalAssociation,
    NationalSociety,
    ResearchInstitution,
    Other,
}
