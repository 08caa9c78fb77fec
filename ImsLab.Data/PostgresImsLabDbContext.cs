using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data;

/// <summary>The production store on PostgreSQL (Npgsql); migrations in Migrations/Postgres.</summary>
public sealed class PostgresImsLabDbContext(DbContextOptions<PostgresImsLabDbContext> options) : ImsLabDbContext(options)
{
    internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
