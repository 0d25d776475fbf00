using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> builder)
    {
        builder.HasKey(u => u.Token);
        builder.Property(u => u.Token).HasMaxLength(32);
        builder.HasIndex(u => new { u.UserId, u.CreatedAtUtc });
        builder.HasIndex(u => u.ExpiresAtUtc);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
