using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Services.Registry;

/// <summary>A validated registry filter; a null member means "all".</summary>
public sealed record RegistryFilter(IReadOnlySet<Region>? Regions, BaseType? Type, int? Batch, string? ProvinceCode);
