using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ExpertConflictConfiguration : IEntityTypeConfiguration<ExpertConflict>
{
    public void Configure(EntityTypeBuilder<ExpertConflict> builder)
    {
        builder.HasIndex(c => new { c.RoundId, c.BaseId, c.ExpertUserId }).IsUnique();
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(c => c.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ExpertUserId).HasMaxLength(450);
        builder.Property(c => c.Reason).HasMaxLength(ExpertConflict.ReasonLength);
        builder.Property(c => c.DeclaredBy).HasMaxLength(256);
    }
}

internal sealed class CrossReviewAssignmentConfiguration : IEntityTypeConfiguration<CrossReviewAssignment>
{
    public void Configure(EntityTypeBuilder<CrossReviewAssignment> builder)
    {
        builder.HasIndex(a => new { a.RoundId, a.BaseId }).IsUnique();
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(a => a.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExpertGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.AssignedBy).HasMaxLength(256);
    }
}

internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> builder)
    {
        builder.HasIndex(e => new { e.RoundId, e.BaseId }).IsUnique();
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(e => e.BaseId).OnDelete(DeleteBehavior.Restrict);
        foreach (var section in Enum.GetNames<SelfEvaluationSection>())
        {
            builder.Property(section).HasMaxLength(SelfEvaluation.SectionLength);
        }

        builder.Property(e => e.SubmittedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class SiteVisitConfiguration : IEntityTypeConfiguration<SiteVisit>
{
    public void Configure(EntityTypeBuilder<SiteVisit> builder)
    {
        builder.HasIndex(v => new { v.RoundId, v.BaseId });
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(v => v.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExpertGroup>().WithMany().HasForeignKey(v => v.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Findings).HasMaxLength(SiteVisit.FindingsLength);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.OwnsMany(v => v.Members, member =>
        {
            member.ToTable("SiteVisitMembers");
            member.WithOwner().HasForeignKey(m => m.SiteVisitId);
            member.HasKey(m => new { m.SiteVisitId, m.UserId });
            member.Property(m => m.UserId).HasMaxLength(450);
            member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(v => v.Issues, issue =>
        {
            issue.ToTable("SiteVisitIssues");
            issue.WithOwner().HasForeignKey(i => i.SiteVisitId);
            issue.HasKey(i => new { i.SiteVisitId, i.IssueId });
            issue.HasOne<IssueReport>().WithMany().HasForeignKey(i => i.IssueId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("Evidence");
        builder.HasIndex(e => new { e.Owner, e.OwnerId });
        builder.Property(e => e.Owner).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFiles.FileNameLength);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.HasIndex(e => new { e.RoundId, e.BaseId });
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(e => e.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(ReviewEvent.DetailLength);
        builder.Property(e => e.By).HasMaxLength(256);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) =>
        builder.HasOne<DemonstrationBase>().WithMany().HasForeignKey(u => u.BaseId).OnDelete(DeleteBehavior.Restrict);
}
