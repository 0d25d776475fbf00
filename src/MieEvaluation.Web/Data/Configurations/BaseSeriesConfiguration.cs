using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class BaseSeriesConfiguration : IEntityTypeConfiguration<BaseSeries>
{
    public void Configure(EntityTypeBuilder<BaseSeries> builder)
    {
        builder.HasKey(s => s.BaseId);
        builder.Property(s => s.BaseId).ValueGeneratedNever();
        builder.HasOne<DemonstrationBase>().WithOne().HasForeignKey<BaseSeries>(s => s.BaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
