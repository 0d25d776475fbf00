using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Groups;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ExpertGroupBaseConfiguration : IEntityTypeConfiguration<ExpertGroupBase>
{
    public void Configure(EntityTypeBuilder<ExpertGroupBase> builder)
    {
        builder.HasKey(a => new { a.GroupId, a.BaseId });
        builder.HasIndex(a => a.BaseId);
        builder.HasOne(a => a.Base).WithMany().HasForeignKey(a => a.BaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
