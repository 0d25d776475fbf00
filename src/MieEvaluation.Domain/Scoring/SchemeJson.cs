using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// The scheme's JSON (docs/evaluation.md): read strictly — a field this format does not have, a value of the wrong
/// kind or an unknown option is a problem, never ignored — and written back in the same shape.
/// </summary>
public static class SchemeJson
{
    private static readonly string[] SchemeFields =
        ["code", "name_zh", "name_en", "normalisation", "peer_group", "max_missing_weight", "dimension_weighting", "dimensions", "grades", "criteria", "expert_aggregate"];
    private static readonly string[] DimensionFields = ["code", "name_zh", "name_en", "weight", "weighting", "items"];
    private static readonly string[] ItemFields = ["indicator", "measure", "growth_span", "weight", "transform", "direction"];
    private static readonly string[] CriterionItemFields = ["criterion", "weight", "direction"];
    private static readonly string[] CriterionFields = ["code", "name_zh", "name_en", "max_score", "guidance_zh", "guidance_en"];

    /// <summary>The aggregates' names in the JSON.</summary>
    private static readonly Dictionary<string, Review.ExpertAggregate> Aggregates = new(StringComparer.Ordinal)
    {
        ["mean"] = Review.ExpertAggregate.Mean,
        ["median"] = Review.ExpertAggregate.Median,
        ["trimmed_mean"] = Review.ExpertAggregate.TrimmedMean,
    };
    private static readonly string[] GradeFields = ["code", "name_zh", "name_en", "min_score"];

    /// <summary>The scheme, or null with the problems that prevent reading it. The scheme's rules (<see cref="SchemeRules"/>) are checked apart.</summary>
    public static (EvaluationScheme? Scheme, IReadOnlyList<SchemeProblem> Problems) Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return (null, [new SchemeProblem("", "NotJson", ex.LineNumber is { } line ? line + 1 : 0)]);
        }

        var reader = new Reader();
        var scheme = reader.Scheme(root);
        return reader.Problems.Count == 0 ? (scheme, []) : (null, reader.Problems);
    }

    public static string Write(EvaluationScheme scheme)
    {
        static JsonNode WeightingNode(Weighting w) => w.Method == WeightingMethod.Ahp
            ? new JsonObject { ["ahp"] = new JsonArray([.. w.Matrix!.Select(r => (JsonNode)new JsonArray([.. r.Select(e => (JsonNode)JsonValue.Create(e))]))]) }
            : JsonValue.Create(w.Method.ToString().ToLowerInvariant());
        var root = new JsonObject
        {
            ["code"] = scheme.Code,
            ["name_zh"] = scheme.NameZh,
            ["name_en"] = scheme.NameEn,
            ["normalisation"] = scheme.Normalisation.ToString().ToLowerInvariant(),
            ["peer_group"] = scheme.PeerGroup.ToString().ToLowerInvariant(),
            ["max_missing_weight"] = scheme.MaxMissingWeight,
            ["dimension_weighting"] = WeightingNode(scheme.DimensionWeighting),
            ["dimensions"] = new JsonArray([.. scheme.Dimensions.Select(d => (JsonNode)new JsonObject
            {
                ["code"] = d.Code,
                ["name_zh"] = d.NameZh,
                ["name_en"] = d.NameEn,
                ["weight"] = d.Weight,
                ["weighting"] = WeightingNode(d.Weighting),
                ["items"] = new JsonArray([.. d.Items.Select(i => (JsonNode)(i.Criterion is { } criterion
                    ? new JsonObject
                    {
                        ["criterion"] = criterion,
                        ["weight"] = i.Weight,
                        ["direction"] = i.Direction.ToString().ToLowerInvariant(),
                    }
                    : new JsonObject
                    {
                        ["indicator"] = i.Indicator,
                        ["measure"] = i.Measure.ToString().ToLowerInvariant(),
                        ["growth_span"] = i.GrowthSpan,
                        ["weight"] = i.Weight,
                        ["transform"] = i.Transform.ToString().ToLowerInvariant(),
                        ["direction"] = i.Direction.ToString().ToLowerInvariant(),
                    }))]),
            })]),
            ["grades"] = new JsonArray([.. scheme.Grades.Select(g => (JsonNode)new JsonObject
            {
                ["code"] = g.Code,
                ["name_zh"] = g.NameZh,
                ["name_en"] = g.NameEn,
                ["min_score"] = g.MinScore,
            })]),
        };
        // Written only for a scheme with criteria, so that a scheme of data alone reads back exactly as before.
        if (scheme.Criteria.Count > 0)
        {
            root["criteria"] = new JsonArray([.. scheme.Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["code"] = c.Code,
                ["name_zh"] = c.NameZh,
                ["name_en"] = c.NameEn,
                ["max_score"] = c.MaxScore,
                ["guidance_zh"] = c.GuidanceZh,
                ["guidance_en"] = c.GuidanceEn,
            })]);
            root["expert_aggregate"] = Aggregates.Single(a => a.Value == scheme.ExpertAggregate).Key;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Collects every problem in one pass, so that the author sees them all at once.</summary>
    private sealed class Reader
    {
        public List<SchemeProblem> Problems { get; } = [];

        public EvaluationScheme? Scheme(JsonNode? root)
        {
            if (root is not JsonObject o)
            {
                Problems.Add(new("", "NotAnObject"));
                return null;
            }

            Fields(o, "", SchemeFields);
            var dimensions = List(o, "dimensions", "", Dimension);
            var grades = List(o, "grades", "", Grade);
            var criteria = o.ContainsKey("criteria") ? List(o, "criteria", "", Criterion) : [];
            var aggregate = Review.ExpertAggregate.TrimmedMean;
            if (o["expert_aggregate"] is { } node)
            {
                if (node is JsonValue v && v.TryGetValue<string>(out var name) && Aggregates.TryGetValue(name.Trim(), out var chosen))
                {
                    aggregate = chosen;
                }
                else
                {
                    Problems.Add(new("expert_aggregate", "UnknownOption", string.Join(" | ", Aggregates.Keys)));
                }
            }

            return new EvaluationScheme(
                Text(o, "code", "") ?? "", Text(o, "name_zh", "") ?? "", Text(o, "name_en", "") ?? "",
                Choice<Normalisation>(o, "normalisation", "", Normalisation.MinMax) ?? Normalisation.MinMax,
                Choice<PeerGroup>(o, "peer_group", "", PeerGroup.Type) ?? PeerGroup.Type,
                Number(o, "max_missing_weight", "", 0.25m) ?? 0,
                WeightingOf(o, "dimension_weighting", "", allowEntropy: false),
                dimensions, grades, criteria, aggregate);
        }

        private SchemeDimension Dimension(JsonObject o, string path)
        {
            Fields(o, path, DimensionFields);
            return new SchemeDimension(Text(o, "code", path) ?? "", Text(o, "name_zh", path) ?? "", Text(o, "name_en", path) ?? "",
                Number(o, "weight", path, 1m) ?? 0, WeightingOf(o, "weighting", path, allowEntropy: true), List(o, "items", path, Item));
        }

        private SchemeCriterion Criterion(JsonObject o, string path)
        {
            Fields(o, path, CriterionFields);
            return new SchemeCriterion(Text(o, "code", path) ?? "", Text(o, "name_zh", path) ?? "", Text(o, "name_en", path) ?? "",
                Number(o, "max_score", path, null) ?? 0, OptionalText(o, "guidance_zh", path), OptionalText(o, "guidance_en", path));
        }

        private string OptionalText(JsonObject o, string name, string path) => o.ContainsKey(name) ? Text(o, name, path) ?? "" : "";

        private SchemeItem Item(JsonObject o, string path)
        {
            // An item is an indicator's level or growth, or the experts' score of a criterion: never both.
            if (o.ContainsKey("criterion"))
            {
                Fields(o, path, CriterionItemFields);
                return new SchemeItem("", ItemMeasure.Level, Number(o, "weight", path, 1m) ?? 0,
                    Direction: Choice<ItemDirection>(o, "direction", path, ItemDirection.Higher) ?? ItemDirection.Higher,
                    Criterion: Text(o, "criterion", path) ?? "");
            }

            Fields(o, path, ItemFields);
            var span = Number(o, "growth_span", path, 1m) ?? 1;
            if (span != decimal.Truncate(span) || span is < 1 or > 20)
            {
                Problems.Add(new(Join(path, "growth_span"), "BadGrowthSpan", 1, 20));
            }

            return new SchemeItem(Text(o, "indicator", path) ?? "", Choice<ItemMeasure>(o, "measure", path, null) ?? ItemMeasure.Level,
                Number(o, "weight", path, 1m) ?? 0, (int)Math.Clamp(span, 1, 20),
                Choice<ItemTransform>(o, "transform", path, ItemTransform.None) ?? ItemTransform.None,
                Choice<ItemDirection>(o, "direction", path, ItemDirection.Higher) ?? ItemDirection.Higher);
        }

        private SchemeGrade Grade(JsonObject o, string path)
        {
            Fields(o, path, GradeFields);
            return new SchemeGrade(Text(o, "code", path) ?? "", Text(o, "name_zh", path) ?? "", Text(o, "name_en", path) ?? "",
                Number(o, "min_score", path, null) ?? 0);
        }

        private void Fields(JsonObject o, string path, string[] known)
        {
            foreach (var name in o.Select(p => p.Key).Where(k => !known.Contains(k, StringComparer.Ordinal)))
            {
                Problems.Add(new(Join(path, name), "UnknownField", name));
            }
        }

        private List<T> List<T>(JsonObject o, string name, string path, Func<JsonObject, string, T> read)
        {
            if (o[name] is not JsonArray array)
            {
                Problems.Add(new(Join(path, name), o.ContainsKey(name) ? "NotAList" : "Required"));
                return [];
            }

            var list = new List<T>();
            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = $"{Join(path, name)}[{i}]";
                if (array[i] is JsonObject element)
                {
                    list.Add(read(element, itemPath));
                }
                else
                {
                    Problems.Add(new(itemPath, "NotAnObject"));
                }
            }

            return list;
        }

        private string? Text(JsonObject o, string name, string path)
        {
            if (o[name] is JsonValue v && v.TryGetValue<string>(out var text))
            {
                return text.Trim();
            }

            Problems.Add(new(Join(path, name), o.ContainsKey(name) ? "NotText" : "Required"));
            return null;
        }

        /// <summary>A number (JSON number, or text holding one); <paramref name="fallback"/> when absent, null = required.</summary>
        private decimal? Number(JsonObject o, string name, string path, decimal? fallback)
        {
            if (!o.ContainsKey(name) || o[name] is null)
            {
                if (fallback is null)
                {
                    Problems.Add(new(Join(path, name), "Required"));
                }

                return fallback;
            }

            if (o[name] is JsonValue v && (v.TryGetValue<decimal>(out var number) ||
                (v.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number))))
            {
                return number;
            }

            Problems.Add(new(Join(path, name), "NotANumber"));
            return null;
        }

        private T? Choice<T>(JsonObject o, string name, string path, T? fallback) where T : struct, Enum
        {
            if (!o.ContainsKey(name) || o[name] is null)
            {
                if (fallback is null)
                {
                    Problems.Add(new(Join(path, name), "Required"));
                }

                return fallback;
            }

            var options = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
            if (o[name] is JsonValue v && v.TryGetValue<string>(out var text) && options.Contains(text.Trim().ToLowerInvariant()))
            {
                return Enum.Parse<T>(text.Trim(), ignoreCase: true);
            }

            Problems.Add(new(Join(path, name), "UnknownOption", string.Join(" | ", options)));
            return null;
        }

        /// <summary>"given", "equal", "entropy" (items only) or {"ahp": [[…]]} with entries as numbers or "a/b" text.</summary>
        private Weighting WeightingOf(JsonObject o, string name, string path, bool allowEntropy)
        {
            var node = o[name];
            var where = Join(path, name);
            if (node is null)
            {
                return Weighting.Given;
            }

            if (node is JsonValue v && v.TryGetValue<string>(out var text))
            {
                switch (text.Trim().ToLowerInvariant())
                {
                    case "given": return Weighting.Given;
                    case "equal": return Weighting.Equal;
                    case "entropy" when allowEntropy: return Weighting.Entropy;
                }
            }
            else if (node is JsonObject ahp && ahp.Count == 1 && ahp["ahp"] is JsonArray rows)
            {
                var matrix = new List<IReadOnlyList<string>>();
                foreach (var row in rows)
                {
                    if (row is not JsonArray entries)
                    {
                        Problems.Add(new(Join(where, "ahp"), "AhpNotAMatrix"));
                        return Weighting.Given;
                    }

                    matrix.Add([.. entries.Select(e => e is JsonValue value
                        ? value.TryGetValue<string>(out var s) ? s.Trim() : value.ToJsonString()
                        : "")]);
                }

                return new Weighting(WeightingMethod.Ahp, matrix);
            }

            Problems.Add(new(where, "UnknownOption", allowEntropy ? "given | equal | entropy | {\"ahp\": [[…]]}" : "given | equal | {\"ahp\": [[…]]}"));
            return Weighting.Given;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }
}
