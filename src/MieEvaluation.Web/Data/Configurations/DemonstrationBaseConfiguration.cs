using MieEvaluation.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class DemonstrationBaseConfiguration : IEntityTypeConfiguration<DemonstrationBase>
{
    public void Configure(EntityTypeBuilder<DemonstrationBase> builder)
    {
        builder.ToTable("Bases");
        builder.Property(b => b.Code).HasMaxLength(16);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.NameZh).HasMaxLength(200);
        builder.Property(b => b.NameEn).HasMaxLength(300);
        builder.Property(b => b.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(b => b.Province).WithMany().HasForeignKey(b => b.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}
