using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Groups;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ExpertGroupBaseConfiguration : IEntityTypeConfiguration<ExpertGroupBase>
{
    public void Configure(EntityTypeBuilder<ExpertGroupBase> builder)
    {
        builder.HasKey(a => new { a.GroupId, a.BaseId });
        // One group per base and year, enforced by the database even when two administrators assign at once.
        builder.HasIndex(a => new { a.BaseId, a.Year }).IsUnique();
        builder.HasOne(a => a.Group).WithMany(g => g.Bases).HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Base).WithMany().HasForeignKey(a => a.BaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
