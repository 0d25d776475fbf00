namespace MieEvaluation.Web.ViewModels.Errors;

public sealed record ErrorPage(int StatusCode, string CorrelationId);
