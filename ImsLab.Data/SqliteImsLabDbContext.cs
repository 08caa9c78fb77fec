using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImsLab.Data;

/// <summary>The embedded default store on SQLite; migrations in Migrations/Sqlite.</summary>
public sealed class SqliteImsLabDbContext(DbContextOptions<SqliteImsLabDbContext> options) : ImsLabDbContext(options)
{
    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type and EF cannot order or compare DateTimeOffset text there; UTC ticks sort and
        // compare as integers, and the raw-SQL hot paths write the same value (SqliteTime.ToTicks).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
