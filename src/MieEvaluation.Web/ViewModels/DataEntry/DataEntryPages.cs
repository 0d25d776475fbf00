using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.ViewModels.DataEntry;

/// <summary>The stored form next to what the user tried to save.</summary>
public sealed record ConflictPage(YearlyFormPage Stored, YearlyFormInput? Theirs);

public sealed record ReviewPage(int Year, IReadOnlyList<ReviewRow> Forms);

public sealed record MyFormsPage(int Year, IReadOnlyList<MyFormRow> Bases);
