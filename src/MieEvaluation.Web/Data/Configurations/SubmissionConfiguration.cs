using MieEvaluation.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        // One form per base and year: the database enforces it even when two evaluators race.
        builder.HasIndex(s => new { s.BaseId, s.Year }).IsUnique();
        builder.HasIndex(s => new { s.Year, s.Status });
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Base).WithMany().HasForeignKey(s => s.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Values).WithOne(v => v.Submission).HasForeignKey(v => v.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
