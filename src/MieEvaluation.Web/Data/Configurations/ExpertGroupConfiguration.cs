using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Groups;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ExpertGroupConfiguration : IEntityTypeConfiguration<ExpertGroup>
{
    public void Configure(EntityTypeBuilder<ExpertGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.HasIndex(g => new { g.Year, g.Name }).IsUnique();
        builder.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
