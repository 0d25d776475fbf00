using MieEvaluation.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class IssueReportConfiguration : IEntityTypeConfiguration<IssueReport>
{
    public void Configure(EntityTypeBuilder<IssueReport> builder)
    {
        builder.HasIndex(r => new { r.BaseId, r.Year });
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(r => r.Base).WithMany().HasForeignKey(r => r.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
