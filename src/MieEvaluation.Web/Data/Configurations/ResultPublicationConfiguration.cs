using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ResultPublicationConfiguration : IEntityTypeConfiguration<ResultPublication>
{
    public void Configure(EntityTypeBuilder<ResultPublication> builder)
    {
        builder.Property(p => p.SchemeCode).HasMaxLength(50);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.WithdrawnBy).HasMaxLength(256);
        builder.Property(p => p.WithdrawalReason).HasMaxLength(500);
        builder.Ignore(p => p.IsWithdrawn);
        builder.HasIndex(p => new { p.SchemeCode, p.DataYear, p.PublishedAtUtc });
    }
}
