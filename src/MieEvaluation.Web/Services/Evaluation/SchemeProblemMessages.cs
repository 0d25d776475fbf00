using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>A scheme problem in the reader's language: "where: what" (resources <c>Scheme.Problem.{Key}</c>).</summary>
public static class SchemeProblemMessages
{
    public static string Message(this SchemeProblem problem, IStringLocalizer localizer) =>
        localizer[$"Scheme.Problem.{problem.Key}", problem.Args].Value;

    public static string Describe(this SchemeProblem problem, IStringLocalizer localizer) =>
        problem.Path.Length == 0 ? problem.Message(localizer) : $"{problem.Path}: {problem.Message(localizer)}";
}
