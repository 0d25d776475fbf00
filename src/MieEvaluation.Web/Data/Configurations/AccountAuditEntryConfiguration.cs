using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class AccountAuditEntryConfiguration : IEntityTypeConfiguration<AccountAuditEntry>
{
    public void Configure(EntityTypeBuilder<AccountAuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Reason).HasMaxLength(AccountStatusRules.MaxReasonLength);
        builder.Property(a => a.ByUserName).HasMaxLength(256);
        builder.HasIndex(a => new { a.UserId, a.AtUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
