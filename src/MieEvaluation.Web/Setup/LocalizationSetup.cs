using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MieEvaluation.Web.Localization;

namespace MieEvaluation.Web.Setup;

/// <summary>
/// zh-CN and en. The choice comes from <c>?culture=</c>, then the language cookie, then the browser's
/// Accept-Language; anything else falls back to zh-CN, the users' language (docs/decisions/0004-localization.md).
/// </summary>
internal static class LocalizationSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static CultureInfo DefaultCulture => SupportedCultures[0];

    public static WebApplicationBuilder AddMieLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<LocalizedMvcMessages>();
        builder.Services.AddSingleton<IConfigureOptions<MvcOptions>>(s => s.GetRequiredService<LocalizedMvcMessages>());
        builder.Services.AddSingleton<IConfigureOptions<MvcViewOptions>>(s => s.GetRequiredService<LocalizedMvcMessages>());
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // "zh", "zh-Hans" or "zh-TW" in Accept-Language still pick zh-CN; "en-US" picks en.
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
        });
        return builder;
    }

    public static WebApplication UseMieLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
