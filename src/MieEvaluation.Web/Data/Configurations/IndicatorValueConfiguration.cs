using MieEvaluation.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    /// <summary>18 significant digits with 4 decimals: room for national sums of the largest indicator.</summary>
    internal const int ValuePrecision = 22;
    internal const int ValueScale = 4;

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.HasIndex(v => new { v.SubmissionId, v.IndicatorId }).IsUnique();
        builder.HasIndex(v => v.IndicatorId);
        builder.Property(v => v.Value).HasPrecision(ValuePrecision, ValueScale);
        builder.Property(v => v.Comment).HasMaxLength(2000);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
