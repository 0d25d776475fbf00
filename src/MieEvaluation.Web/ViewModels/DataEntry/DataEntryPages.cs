using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.ViewModels.DataEntry;

/// <summary>The stored form next to what the user tried to save.</summary>
public sealed record ConflictPage(YearlyFormPage Stored, YearlyFormInput? Theirs);

/// <summary>One page of the reviewer's list: <paramref name="Page"/> of <paramref name="PageCount"/>, <paramref name="Total"/> forms in all.</summary>
public sealed record ReviewPage(int Year, IReadOnlyList<ReviewRow> Forms, int Page, int PageCount, int Total);

public sealed record MyFormsPage(int Year, IReadOnlyList<MyFormRow> Bases);
