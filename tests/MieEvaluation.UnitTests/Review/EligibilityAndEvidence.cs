using MieEvaluation.Domain.Review;

namespace MieEvaluation.UnitTests.Review;

/// <summary>The one rule of who may score a base, and what an evidence file is by its bytes.</summary>
public sealed class EligibilityAndEvidence
{
    private static readonly ScoredBase Haidian = new("北京市海淀区", "Haidian District", "Beijing");
    private static readonly ExpertSeat Society = new("中国科协", "Hainan");

    [Theory]
    [InlineData("北京市海淀区", "Hainan", false, ScorerRefusal.OwnOrganisation)]
    [InlineData(" haidian district ", "Hainan", false, ScorerRefusal.OwnOrganisation)]
    [InlineData("中国科协", "Beijing", false, null)]
    [InlineData("中国科协", "Beijing", true, ScorerRefusal.OwnProvince)]
    [InlineData("中国科协", "beijing", true, ScorerRefusal.OwnProvince)]
    [InlineData("中国科协", null, true, ScorerRefusal.ProvinceUnknown)]
    [InlineData("中国科协", "Hainan", true, null)]
    public void AConflictIsTheBasesOwnOrganisationOrItsProvinceWhenTheRoundSaysSo(string organisation, string? province, bool excludeOwnProvince,
        ScorerRefusal? expected) =>
        Assert.Equal(expected, ScorerEligibility.Conflict(new ExpertSeat(organisation, province), Haidian, excludeOwnProvince));

    [Fact]
    public void TheStageComesFirstThenTheSeatThenConflictsThenTheSubmission()
    {
        Assert.Equal(ScorerRefusal.StageNotOpen, ScorerEligibility.Check(StageState.Closed, [], Haidian, false, true, true));
        Assert.Equal(ScorerRefusal.NotInGroup, ScorerEligibility.Check(StageState.Open, [], Haidian, false, true, true));
        Assert.Equal(ScorerRefusal.OwnOrganisation, ScorerEligibility.Check(StageState.Open, [Society, new("北京市海淀区", null)], Haidian, false, true, true));
        Assert.Equal(ScorerRefusal.ConflictDeclared, ScorerEligibility.Check(StageState.Open, [Society], Haidian, false, true, true));
        Assert.Equal(ScorerRefusal.AlreadySubmitted, ScorerEligibility.Check(StageState.Open, [Society], Haidian, false, false, true));
        Assert.Null(ScorerEligibility.Check(StageState.Open, [Society], Haidian, false, false, false));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, EvidenceKind.Pdf)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, EvidenceKind.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, EvidenceKind.Jpeg)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, null)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, null)]
    public void AFileIsWhatItsBytesSay(byte[] content, EvidenceKind? expected) => Assert.Equal(expected, EvidenceFiles.Detect(content));

    [Theory]
    [InlineData("C:\\Users\\a\\年度总结.pdf", EvidenceKind.Pdf, "年度总结.pdf")]
    [InlineData("../../etc/passwd", EvidenceKind.Png, "passwd.png")]
    [InlineData("photo.jpg", EvidenceKind.Png, "photo.png")]
    [InlineData("\"<x>|?.pdf", EvidenceKind.Pdf, "x.pdf")]
    [InlineData("", EvidenceKind.Docx, "evidence.docx")]
    [InlineData(null, EvidenceKind.Jpeg, "evidence.jpg")]
    public void AFilesNameLosesItsPathAndTakesItsKindsExtension(string? uploaded, EvidenceKind kind, string expected) =>
        Assert.Equal(expected, EvidenceFiles.SafeName(uploaded, kind));

    [Fact]
    public void ASelfEvaluationNamesTheSectionsStillEmpty()
    {
        var evaluation = new SelfEvaluation { BasicSituation = "甲", Achievements = "  ", Problems = "乙" };
        Assert.Equal([SelfEvaluationSection.Achievements, SelfEvaluationSection.NextSteps], evaluation.Missing());
    }
}
