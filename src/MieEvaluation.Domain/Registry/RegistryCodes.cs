using System.Diagnostics.CodeAnalysis;

namespace MieEvaluation.Domain.Registry;

/// <summary>
/// The lower-case codes that the registry CSV, imports and exports use for base types and regions
/// (<c>regional</c>, <c>univ_inst</c>, <c>enterprise</c>; <c>east</c>, <c>central</c>, <c>west</c>, <c>northeast</c>).
/// </summary>
public static class RegistryCodes
{
    private static readonly Dictionary<string, BaseType> TypesByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["regional"] = BaseType.Regional,
        ["univ_inst"] = BaseType.UnivInst,
        ["enterprise"] = BaseType.Enterprise,
    };

    private static readonly Dictionary<string, Region> RegionsByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["east"] = Region.East,
        ["central"] = Region.Central,
        ["west"] = Region.West,
        ["northeast"] = Region.Northeast,
    };

    public static IEnumerable<string> TypeCodes => TypesByCode.Keys;

    public static IEnumerable<string> RegionCodes => RegionsByCode.Keys;

    public static bool TryParseType(string? code, out BaseType type) =>
        TypesByCode.TryGetValue(code?.Trim() ?? string.Empty, out type);

    public static bool TryParseRegion(string? code, out Region region) =>
        RegionsByCode.TryGetValue(code?.Trim() ?? string.Empty, out region);

    [SuppressMessage("Globalization", "CA1308", Justification = "The codes are defined lower-case.")]
    public static string ToCode(this BaseType type) => type == BaseType.UnivInst ? "univ_inst" : type.ToString().ToLowerInvariant();

    [SuppressMessage("Globalization", "CA1308", Justification = "The codes are defined lower-case.")]
    public static string ToCode(this Region region) => region.ToString().ToLowerInvariant();
}
