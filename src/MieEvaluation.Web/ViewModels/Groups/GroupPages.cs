using MieEvaluation.Domain.Groups;

namespace MieEvaluation.Web.ViewModels.Groups;

public sealed record GroupSummary(int Id, string Name, int MemberCount, int BaseCount, IReadOnlyList<ExpertiseKind> MissingExpertise);

public sealed record GroupListPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<GroupSummary> Groups, NewGroupInput NewGroup);

public sealed record MemberRow(int Id, string DisplayName, string Email, string Organisation, OrganisationKind OrganisationKind, ExpertiseKind Expertise,
    string? ProvinceCode, bool IsLeader);

public sealed record AssignedBase(int Id, string Code, string NameZh, string NameEn);

public sealed record Choice(string Value, string Text);

public sealed record GroupDetailPage(
    int Id, int Year, string Name, IReadOnlyList<MemberRow> Members, IReadOnlyList<AssignedBase> Bases,
    IReadOnlyList<ExpertiseKind> MissingExpertise, IReadOnlyList<Choice> Evaluators, IReadOnlyList<AssignedBase> AssignableBases,
    MemberInput NewMember, IReadOnlyList<ProvinceChoice> Provinces);

/// <summary>A province to choose for a member's organisation.</summary>
public sealed record ProvinceChoice(string Code, string NameZh, string NameEn);
