using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.DataEntry;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Groups;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.Setup;

/// <summary>MVC with views, shared localizer, validators and the error page.</summary>
internal static class WebSetup
{
    public static WebApplicationBuilder AddMieWeb(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization();
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        // Chinese text stays readable in the HTML source instead of becoming numeric character references.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<BaseRegistryService>();
        builder.Services.AddScoped<BasePageService>();
        builder.Services.AddScoped<ExpertGroupService>();
        builder.Services.AddScoped<IssueReportService>();
        builder.Services.AddScoped<IssueSummaryService>();
        builder.Services.AddScoped<FiguresService>();
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddScoped<CompletenessService>();
        builder.Services.AddScoped<FormWarnings>();
        builder.Services.AddScoped<DataEntryService>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(ImportOptions.SectionName).Get<ImportOptions>() ?? new ImportOptions());
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddScoped<ValueImportService>();
        builder.Services.AddScoped<ImportTemplates>();
        builder.Services.AddScoped<RegistryImportService>();
        return builder;
    }

    /// <summary>Users never see a stack trace: the error page shows a correlation id that the log also has.</summary>
    public static WebApplication UseMieErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    public static WebApplication UseMieWeb(this WebApplication app)
    {
        app.UseRouting();
        app.UseMieAccessControl();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
