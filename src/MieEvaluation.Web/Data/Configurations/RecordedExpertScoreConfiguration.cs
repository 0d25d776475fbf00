using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Review;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class RecordedExpertScoreConfiguration : IEntityTypeConfiguration<RecordedExpertScore>
{
    public void Configure(EntityTypeBuilder<RecordedExpertScore> builder)
    {
        builder.ToTable("ExpertScores");
        builder.HasIndex(s => new { s.RoundId, s.Pass, s.BaseId, s.ExpertUserId, s.Criterion }).IsUnique();
        builder.Property(s => s.Pass).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(s => s.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ExpertUserId).HasMaxLength(450);
        builder.Property(s => s.Criterion).HasMaxLength(50);
        builder.Property(s => s.Score).HasPrecision(18, 4);
        builder.Property(s => s.Comment).HasMaxLength(ExpertScoreLimits.CommentLength);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class ExpertScoreChangeConfiguration : IEntityTypeConfiguration<ExpertScoreChange>
{
    public void Configure(EntityTypeBuilder<ExpertScoreChange> builder)
    {
        builder.HasIndex(c => new { c.RoundId, c.BaseId });
        builder.Property(c => c.Pass).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.ExpertUserId).HasMaxLength(450);
        builder.Property(c => c.Criterion).HasMaxLength(50);
        builder.Property(c => c.OldScore).HasPrecision(18, 4);
        builder.Property(c => c.NewScore).HasPrecision(18, 4);
        builder.Property(c => c.Comment).HasMaxLength(ExpertScoreLimits.CommentLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.FileName).HasMaxLength(260);
    }
}
