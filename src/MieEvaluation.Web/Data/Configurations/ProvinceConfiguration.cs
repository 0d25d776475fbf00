using MieEvaluation.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameZh).HasMaxLength(40);
        builder.Property(p => p.NameEn).HasMaxLength(80);
        builder.Property(p => p.Region).HasConversion<string>().HasMaxLength(16);
    }
}
