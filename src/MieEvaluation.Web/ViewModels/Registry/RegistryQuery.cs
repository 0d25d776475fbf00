using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.ViewModels.Registry;

/// <summary>The registry filters as they arrive in the URL (?region=east&amp;type=regional&amp;batch=2016&amp;province=Beijing).</summary>
public sealed class RegistryQuery
{
    public string? Region { get; set; }

    public string? Type { get; set; }

    public string? Batch { get; set; }

    public string? Province { get; set; }

    /// <summary>The filter made of the members that passed validation; the others mean "all".</summary>
    public RegistryFilter ToFilter(IReadOnlySet<string> invalidMembers, int lastYear)
    {
        IReadOnlySet<Region>? regions = null;
        if (!invalidMembers.Contains(nameof(Region)) && !string.IsNullOrWhiteSpace(Region))
        {
            regions = string.Equals(Region.Trim(), RegistryQueryValidator.CentralAndWestCode, StringComparison.OrdinalIgnoreCase)
                ? new HashSet<Region> { Domain.Registry.Region.Central, Domain.Registry.Region.West }
                : RegistryCodes.TryParseRegion(Region, out var region) ? new HashSet<Region> { region } : null;
        }

        BaseType? type = !invalidMembers.Contains(nameof(Type)) && RegistryCodes.TryParseType(Type, out var t) ? t : null;
        int? batch = !invalidMembers.Contains(nameof(Batch)) && Batch is not null &&
                     RegistryQueryValidator.TryParseBatch(Batch, lastYear, out var year) ? year : null;
        var province = !invalidMembers.Contains(nameof(Province)) && !string.IsNullOrWhiteSpace(Province) ? Province.Trim() : null;
        return new RegistryFilter(regions, type, batch, province);
    }
}
