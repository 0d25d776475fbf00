using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class DatabaseMarkerConfiguration : IEntityTypeConfiguration<DatabaseMarker>
{
    public void Configure(EntityTypeBuilder<DatabaseMarker> builder) =>
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(8);
}
