using MieEvaluation.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.NameZh).HasMaxLength(200);
        builder.Property(i => i.NameEn).HasMaxLength(300);
        builder.Property(i => i.UnitZh).HasMaxLength(40);
        builder.Property(i => i.UnitEn).HasMaxLength(40);
        builder.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(8);
    }
}
