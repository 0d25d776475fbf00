using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ExpertGroupMemberConfiguration : IEntityTypeConfiguration<ExpertGroupMember>
{
    public void Configure(EntityTypeBuilder<ExpertGroupMember> builder)
    {
        builder.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Organisation).HasMaxLength(200);
        builder.Property(m => m.OrganisationKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Expertise).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ProvinceCode).HasMaxLength(8);
        // The domain knows only the id; the foreign key keeps memberships of deleted accounts from lingering.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
