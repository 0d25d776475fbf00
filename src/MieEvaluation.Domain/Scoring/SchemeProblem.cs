namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// What is wrong with a scheme: where (a JSON path such as <c>dimensions[1].items[0].weight</c>), what (a key the
/// app turns into a message in the reader's language, <c>Scheme.Problem.{Key}</c>) and the message's arguments.
/// </summary>
public sealed record SchemeProblem(string Path, string Key, params object[] Args);
