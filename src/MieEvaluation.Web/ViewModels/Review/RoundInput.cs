using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.ViewModels.Review;

/// <summary>A round's dates and settings as the administrator edits them; <see cref="Version"/> is the one read.</summary>
public sealed class RoundInput
{
    public int Version { get; set; }

    public DateOnly? SelfEvaluationOpens { get; set; }

    public DateOnly? SelfEvaluationCloses { get; set; }

    public DateOnly? ExpertReviewOpens { get; set; }

    public DateOnly? ExpertReviewCloses { get; set; }

    public DateOnly? SiteVisitOpens { get; set; }

    public DateOnly? SiteVisitCloses { get; set; }

    public DateOnly? CrossReviewOpens { get; set; }

    public DateOnly? CrossReviewCloses { get; set; }

    public bool NormalisePerExpert { get; set; }

    public bool ExcludeOwnProvince { get; set; }

    public decimal CrossReviewThreshold { get; set; } = 10m;

    public string? SchemeCode { get; set; }

    /// <summary>A stage's dates as entered (the round's own mapping, applied to what was entered).</summary>
    public (DateOnly? Opens, DateOnly? Closes) DatesOf(ReviewStage stage)
    {
        var entered = new ReviewRound();
        CopyTo(entered);
        return entered.DatesOf(stage);
    }

    public static RoundInput Of(ReviewRound? round) => round is null ? new RoundInput() : new RoundInput
    {
        Version = round.Version,
        SelfEvaluationOpens = round.SelfEvaluationOpens, SelfEvaluationCloses = round.SelfEvaluationCloses,
        ExpertReviewOpens = round.ExpertReviewOpens, ExpertReviewCloses = round.ExpertReviewCloses,
        SiteVisitOpens = round.SiteVisitOpens, SiteVisitCloses = round.SiteVisitCloses,
        CrossReviewOpens = round.CrossReviewOpens, CrossReviewCloses = round.CrossReviewCloses,
        NormalisePerExpert = round.NormalisePerExpert, ExcludeOwnProvince = round.ExcludeOwnProvince,
        CrossReviewThreshold = round.CrossReviewThreshold, SchemeCode = round.SchemeCode,
    };

    public void CopyTo(ReviewRound round)
    {
        (round.SelfEvaluationOpens, round.SelfEvaluationCloses) = (SelfEvaluationOpens, SelfEvaluationCloses);
        (round.ExpertReviewOpens, round.ExpertReviewCloses) = (ExpertReviewOpens, ExpertReviewCloses);
        (round.SiteVisitOpens, round.SiteVisitCloses) = (SiteVisitOpens, SiteVisitCloses);
        (round.CrossReviewOpens, round.CrossReviewCloses) = (CrossReviewOpens, CrossReviewCloses);
        (round.NormalisePerExpert, round.ExcludeOwnProvince, round.CrossReviewThreshold) = (NormalisePerExpert, ExcludeOwnProvince, CrossReviewThreshold);
        round.SchemeCode = string.IsNullOrWhiteSpace(SchemeCode) ? null : SchemeCode.Trim();
    }
}

public sealed class RoundInputValidator : AbstractValidator<RoundInput>
{
    public RoundInputValidator(IStringLocalizer<SharedResource> localizer, MieDbContext db)
    {
        foreach (var stage in Enum.GetValues<ReviewStage>())
        {
            RuleFor(x => x).Must(x => ReviewRound.BadDates(x.DatesOf).All(s => s != stage))
                .WithName($"{stage}Closes")
                .WithMessage(_ => localizer["Round.BadDates", localizer[$"Round.Stage.{stage}"]]);
        }

        RuleFor(x => x.CrossReviewThreshold).InclusiveBetween(0m, 1000m).WithMessage(localizer["Round.BadThreshold", 0, 1000]);
        RuleFor(x => x.SchemeCode)
            .MustAsync(async (code, ct) => string.IsNullOrWhiteSpace(code) || await db.SchemeVersions.AnyAsync(v => v.Code == code!.Trim(), ct))
            .WithMessage(x => localizer["Round.UnknownScheme", x.SchemeCode ?? ""]);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

/// <summary>The round's page: the form, the saved round with each stage's state today, and the schemes to choose from.</summary>
public sealed record RoundPage(int DataYear, RoundInput Input, ReviewRound? Saved, DateOnly Today, IReadOnlyList<ReviewRound> Rounds,
    IReadOnlyList<string> Schemes, bool Conflict = false);
