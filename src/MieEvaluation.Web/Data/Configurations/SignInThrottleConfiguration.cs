using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.Property(t => t.Email).HasMaxLength(256);
        builder.Property(t => t.Address).HasMaxLength(64);
        builder.Ignore(t => t.Kind);
        // One row per count: the insert of a count that another instance has just created fails and is retried as an update.
        builder.HasIndex(t => new { t.Email, t.Address }).IsUnique();
        builder.HasIndex(t => t.LastFailureUtc);
    }
}
