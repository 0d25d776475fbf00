using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasIndex(a => new { a.BaseId, a.Year });
        builder.HasIndex(a => a.SubmissionId);
        builder.Property(a => a.OldValue).HasPrecision(IndicatorValueConfiguration.ValuePrecision, IndicatorValueConfiguration.ValueScale);
        builder.Property(a => a.NewValue).HasPrecision(IndicatorValueConfiguration.ValuePrecision, IndicatorValueConfiguration.ValueScale);
        builder.Property(a => a.OldStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.NewStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.SourceName).HasMaxLength(260);
        builder.Property(a => a.Comment).HasMaxLength(2000);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
    }
}
