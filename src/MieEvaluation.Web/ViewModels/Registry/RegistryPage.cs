using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.ViewModels.Registry;

public sealed record RegistryPage(
    RegistryQuery Query,
    IReadOnlyList<string> IgnoredFilters,
    IReadOnlyList<RegistryEntry> Entries,
    IReadOnlyList<Province> Provinces,
    IReadOnlyList<int> BatchYears);
