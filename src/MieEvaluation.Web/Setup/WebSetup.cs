using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.DataEntry;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Forms;
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
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new PlainDecimalJsonConverter()))
            .AddViewLocalization();
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        builder.Services.AddProblemDetails();
        builder.Services.AddMieOpenApi();
        // Chinese text stays readable in the HTML source instead of becoming numeric character references.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<BaseRegistryService>();
        builder.Services.AddScoped<BasePageService>();
        builder.Services.AddScoped<ExpertGroupService>();
        builder.Services.AddScoped<IssueReportService>();
        builder.Services.AddScoped<IssueSummaryService>();
        builder.Services.AddScoped<FiguresService>();
        builder.Services.AddSingleton(new FigureCache(builder.Configuration.GetValue(FigureCache.EnabledSetting, defaultValue: true)));
        builder.Services.AddHostedService<FigureWarmUp>();
        builder.Services.AddOutputCache(o => o.AddPolicy(FigurePageOutputCache.Name, new FigurePageOutputCache()));
        builder.Services.AddScoped<CompletenessService>();
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<Controllers.ExportRequests>();
        builder.Services.AddScoped<FormWarnings>();
        builder.Services.AddScoped<FormWritePipeline>();
        builder.Services.AddScoped<YearlyFormGate>();
        builder.Services.AddScoped<DataEntryService>();
        builder.Services.AddScoped<Services.Home.WorkOverviewService>();
        builder.Services.AddScoped<Services.Accounts.AccountStatusService>();
        builder.Services.AddScoped<Services.Evaluation.SchemeStore>();
        builder.Services.AddScoped<Services.Evaluation.ScoringData>();
        builder.Services.AddScoped<Services.Evaluation.EvaluationResults>();
        builder.Services.AddScoped<Services.Reports.NationalWorkbook>();
        builder.Services.AddScoped<Services.Reports.NationalReport>();
        builder.Services.AddScoped<Services.Reports.BaseReport>();
        builder.Services.AddScoped<Services.Reports.ReportFiles>();
        builder.Services.AddSingleton<Services.Reports.ReportFonts>();
        builder.Services.AddSingleton<Services.Reports.PdfReport>();
        builder.Services.AddScoped<Controllers.ReportAnswers>();
        builder.Services.AddScoped<Controllers.RoundPageAccess>();
        builder.Services.AddScoped<Services.Review.ReviewRounds>();
        builder.Services.AddScoped<Services.Review.ExpertScoreImport>();
        builder.Services.AddScoped<Services.Review.ExpertResults>();
        builder.Services.AddScoped<Services.Review.ScoringGate>();
        builder.Services.AddScoped<Services.Review.ExpertReviews>();
        builder.Services.AddScoped<Services.Review.SelfEvaluations>();
        builder.Services.AddScoped<Services.Review.EvidenceStore>();
        builder.Services.AddScoped<Services.Review.SiteVisits>();
        builder.Services.AddScoped<Services.Review.CrossReviews>();
        builder.Services.AddScoped<Services.Review.ConflictsOfInterest>();
        builder.Services.AddScoped<Services.Review.RoundDuties>();
        // The pages' import of the experts' scores is for the round being held now (the API names the year).
        builder.Services.AddScoped(sp => new Services.Review.ExpertScoreImportKind(
            sp.GetRequiredService<Services.Review.ExpertScoreImport>(), sp.GetRequiredService<Services.Review.ReviewRounds>().CurrentDataYear));
        builder.Services.AddSingleton(builder.Configuration.GetSection(ImportOptions.SectionName).Get<ImportOptions>() ?? new ImportOptions());
        builder.Services.AddScoped<UploadStore>();
        builder.Services.AddHostedService<UploadCleanup>();
        builder.Services.AddScoped<ValueImportService>();
        builder.Services.AddScoped<ImportTemplates>();
        builder.Services.AddScoped<RegistryImportService>();
        builder.Services.AddScoped<ValueImportKind>();
        builder.Services.AddScoped<RegistryImportKind>();
        builder.Services.AddSingleton<Services.Operations.DatabaseBackup>();
        return builder;
    }

    /// <summary>
    /// Users never see a stack trace: pages get the error page with a correlation id that the log also has; the API
    /// gets RFC 7807 problem details for every error status.
    /// </summary>
    public static WebApplication UseMieErrorPages(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), web =>
        {
            if (!app.Environment.IsDevelopment())
            {
                web.UseExceptionHandler("/error");
            }

            web.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static WebApplication UseMieWeb(this WebApplication app)
    {
        app.UseRouting();
        app.UseMieAccessControl();
        app.UseOutputCache(); // after authorization: a request that may not see a page never reaches a cached copy
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
