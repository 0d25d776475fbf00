namespace MieEvaluation.Web;

/// <summary>
/// Marker for the one shared resource set (Resources/SharedResource.resx in English and
/// SharedResource.zh-CN.resx in Chinese). Views get it as <c>L</c> from _ViewImports.
/// </summary>
public sealed class SharedResource;
