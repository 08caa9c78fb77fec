using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImsLab.Data.DesignTime;

/// <summary>`dotnet ef ... --context SqliteImsLabDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteImsLabDbContext>
{
    public SqliteImsLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteImsLabDbContext>().UseSqlite("Data Source=design.db").Options);
}
