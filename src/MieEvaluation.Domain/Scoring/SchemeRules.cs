using System.Globalization;
using System.Text.RegularExpressions;

namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// What a scheme must satisfy before it is stored (docs/evaluation.md): codes, names, known indicators, usable
/// weights, reciprocal and consistent AHP matrices (CR &lt; 0.10), grades that can be told apart.
/// </summary>
public static partial class SchemeRules
{
    public const int MaxNameLength = 200;

    /// <summary>The highest maximum score a criterion may have (scores are out of 100 or 10 in practice).</summary>
    public const int MaxCriterionScore = 1000;

    public const int MaxGuidanceLength = 4000;

    public static IReadOnlyList<SchemeProblem> Check(EvaluationScheme scheme, IReadOnlySet<string> indicatorCodes)
    {
        var problems = new List<SchemeProblem>();
        CheckCode(problems, "code", scheme.Code);
        CheckNames(problems, "", scheme.NameZh, scheme.NameEn);
        if (scheme.MaxMissingWeight is < 0 or > 1)
        {
            problems.Add(new("max_missing_weight", "OutOfRange", 0, 1));
        }

        if (scheme.Dimensions.Count == 0)
        {
            problems.Add(new("dimensions", "NoDimensions"));
        }

        CheckWeights(problems, "", "dimension_weighting", "dimensions", scheme.DimensionWeighting, [.. scheme.Dimensions.Select(d => d.Weight)]);
        Duplicates(problems, scheme.Dimensions.Select(d => d.Code), i => $"dimensions[{i}].code", "DuplicateCode");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < scheme.Dimensions.Count; d++)
        {
            var dimension = scheme.Dimensions[d];
            var path = $"dimensions[{d}]";
            CheckCode(problems, $"{path}.code", dimension.Code);
            CheckNames(problems, path, dimension.NameZh, dimension.NameEn);
            if (dimension.Items.Count == 0)
            {
                problems.Add(new($"{path}.items", "NoItems"));
            }

            CheckWeights(problems, path, "weighting", "items", dimension.Weighting, [.. dimension.Items.Select(i => i.Weight)]);
            for (var k = 0; k < dimension.Items.Count; k++)
            {
                var item = dimension.Items[k];
                var itemPath = $"{path}.items[{k}]";
                if (item.Criterion is { } criterion)
                {
                    if (scheme.Criteria.All(c => c.Code != criterion))
                    {
                        problems.Add(new($"{itemPath}.criterion", "UnknownCriterion", criterion));
                    }
                }
                else if (!indicatorCodes.Contains(item.Indicator))
                {
                    problems.Add(new($"{itemPath}.indicator", "UnknownIndicator", item.Indicator));
                }

                if (item.Measure == ItemMeasure.Growth && item.Transform != ItemTransform.None)
                {
                    problems.Add(new($"{itemPath}.transform", "TransformOnGrowth"));
                }

                if (!keys.Add(item.Key))
                {
                    problems.Add(new($"{itemPath}", "DuplicateItem", item.Key));
                }
            }
        }

        Duplicates(problems, scheme.Criteria.Select(c => c.Code), i => $"criteria[{i}].code", "DuplicateCode");
        for (var c = 0; c < scheme.Criteria.Count; c++)
        {
            var criterion = scheme.Criteria[c];
            CheckCode(problems, $"criteria[{c}].code", criterion.Code);
            CheckNames(problems, $"criteria[{c}]", criterion.NameZh, criterion.NameEn);
            if (criterion.MaxScore is <= 0 or > MaxCriterionScore)
            {
                problems.Add(new($"criteria[{c}].max_score", "OutOfRange", 1, MaxCriterionScore));
            }

            foreach (var (field, text) in new[] { ("guidance_zh", criterion.GuidanceZh), ("guidance_en", criterion.GuidanceEn) })
            {
                if (text.Length > MaxGuidanceLength)
                {
                    problems.Add(new($"criteria[{c}].{field}", "TooLong", MaxGuidanceLength));
                }
            }
        }

        Duplicates(problems, scheme.Grades.Select(g => g.Code), i => $"grades[{i}].code", "DuplicateCode");
        Duplicates(problems, scheme.Grades.Select(g => g.MinScore.ToString(CultureInfo.InvariantCulture)), i => $"grades[{i}].min_score", "DuplicateGradeScore");
        for (var g = 0; g < scheme.Grades.Count; g++)
        {
            CheckCode(problems, $"grades[{g}].code", scheme.Grades[g].Code);
            CheckNames(problems, $"grades[{g}]", scheme.Grades[g].NameZh, scheme.Grades[g].NameEn);
            if (scheme.Grades[g].MinScore is < 0 or > 100)
            {
                problems.Add(new($"grades[{g}].min_score", "OutOfRange", 0, 100));
            }
        }

        return problems;
    }

    /// <summary>
    /// The consistency ratio of a matrix as written, or the problems that keep it from being weighed: wrong size,
    /// an entry that is not a positive number or fraction, a diagonal entry other than 1, a pair that is not reciprocal.
    /// </summary>
    public static (AhpWeights? Weights, IReadOnlyList<SchemeProblem> Problems) CheckMatrix(IReadOnlyList<IReadOnlyList<string>> rows, int size, string path)
    {
        var problems = new List<SchemeProblem>();
        if (size > PairwiseMatrix.MaxSize)
        {
            return (null, [new(path, "AhpTooLarge", PairwiseMatrix.MaxSize)]);
        }

        if (rows.Count != size || rows.Any(r => r.Count != size))
        {
            return (null, [new(path, "AhpWrongSize", size)]);
        }

        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                if (PairwiseMatrix.ParseEntry(rows[i][j]) is { } value)
                {
                    matrix[i, j] = value;
                }
                else
                {
                    problems.Add(new($"{path}[{i}][{j}]", "AhpBadEntry", rows[i][j]));
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        for (var i = 0; i < size; i++)
        {
            if (Math.Abs(matrix[i, i] - 1) > 1e-12)
            {
                problems.Add(new($"{path}[{i}][{i}]", "AhpDiagonal"));
            }

            for (var j = i + 1; j < size; j++)
            {
                if (Math.Abs((matrix[i, j] * matrix[j, i]) - 1) > PairwiseMatrix.ReciprocalTolerance)
                {
                    problems.Add(new($"{path}[{j}][{i}]", "AhpNotReciprocal", i + 1, j + 1, rows[i][j], rows[j][i]));
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var weights = PairwiseMatrix.Weigh(matrix);
        return weights.ConsistencyRatio >= PairwiseMatrix.MaxConsistencyRatio
            ? (weights, [new(path, "AhpInconsistent", weights.ConsistencyRatio.ToString("0.000", CultureInfo.InvariantCulture))])
            : (weights, []);
    }

    private static void CheckWeights(List<SchemeProblem> problems, string path, string weightingField, string listField, Weighting weighting, decimal[] weights)
    {
        var where = path.Length == 0 ? weightingField : $"{path}.{weightingField}";
        if (weighting.Method == WeightingMethod.Ahp)
        {
            problems.AddRange(CheckMatrix(weighting.Matrix!, weights.Length, $"{where}.ahp").Problems);
        }
        else if (weighting.Method == WeightingMethod.Given && weights.Length > 0)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] < 0)
                {
                    problems.Add(new($"{(path.Length == 0 ? "" : path + ".")}{listField}[{i}].weight", "NegativeWeight"));
                }
            }

            if (weights.All(w => w >= 0) && weights.Sum() <= 0)
            {
                problems.Add(new(where, "WeightsSumZero"));
            }
        }
    }

    private static void CheckCode(List<SchemeProblem> problems, string path, string code)
    {
        if (!CodePattern().IsMatch(code))
        {
            problems.Add(new(path, "BadCode", code));
        }
    }

    private static void CheckNames(List<SchemeProblem> problems, string path, string nameZh, string nameEn)
    {
        foreach (var (field, name) in new[] { ("name_zh", nameZh), ("name_en", nameEn) })
        {
            var where = path.Length == 0 ? field : $"{path}.{field}";
            if (name.Length == 0)
            {
                problems.Add(new(where, "Required"));
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(new(where, "TooLong", MaxNameLength));
            }
        }
    }

    private static void Duplicates(List<SchemeProblem> problems, IEnumerable<string> values, Func<int, string> path, string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var value in values)
        {
            if (value.Length > 0 && !seen.Add(value))
            {
                problems.Add(new(path(index), key, value));
            }

            index++;
        }
    }

    /// <summary>Lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 50: safe in URLs and files.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$")]
    private static partial Regex CodePattern();
}
