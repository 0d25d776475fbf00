using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MieEvaluation.Web.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.SingletonId, Version = 0 });
    }
}
