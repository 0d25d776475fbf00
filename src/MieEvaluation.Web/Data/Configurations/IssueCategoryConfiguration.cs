using MieEvaluation.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class IssueCategoryConfiguration : IEntityTypeConfiguration<IssueCategory>
{
    public void Configure(EntityTypeBuilder<IssueCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameZh).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(300);
    }
}
