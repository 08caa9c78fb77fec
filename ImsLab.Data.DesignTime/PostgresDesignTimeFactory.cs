using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImsLab.Data.DesignTime;

/// <summary>`dotnet ef ... --context PostgresImsLabDbContext`: no server is contacted; the string only selects Npgsql.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresImsLabDbContext>
{
    public PostgresImsLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresImsLabDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
