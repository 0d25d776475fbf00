using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.ViewModels.Import;

public sealed record ImportPage(string? Problem, int Year);

/// <summary>The preview of an upload; <see cref="Token"/> is null when it cannot be confirmed. <see cref="Controller"/> receives the confirmation.</summary>
public sealed record ImportPreview(string? Token, string FileName, ImportAnalysis Analysis, bool CanApprove, string Controller);
