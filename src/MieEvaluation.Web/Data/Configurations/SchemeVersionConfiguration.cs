using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class SchemeVersionConfiguration : IEntityTypeConfiguration<SchemeVersion>
{
    public void Configure(EntityTypeBuilder<SchemeVersion> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(50);
        builder.Property(s => s.NameZh).HasMaxLength(SchemeRules.MaxNameLength);
        builder.Property(s => s.NameEn).HasMaxLength(SchemeRules.MaxNameLength);
        builder.Property(s => s.SavedBy).HasMaxLength(256);
        // Two administrators saving at once cannot both make version n + 1: the second save fails and is retried.
        builder.HasIndex(s => new { s.Code, s.Version }).IsUnique();
    }
}
