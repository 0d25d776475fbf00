using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Domain.Review;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> builder)
    {
        builder.HasIndex(r => r.DataYear).IsUnique();
        builder.Property(r => r.CrossReviewThreshold).HasPrecision(18, 4);
        builder.Property(r => r.SchemeCode).HasMaxLength(50);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
