using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.Postgres;

/// <summary>The real host on a fresh database of the throwaway PostgreSQL cluster (the production store).</summary>
internal static class PostgresApiHost
{
    public const string MasterKey = "5555555555555555555555555555555555555555555555555555555555555555";

    public static async Task<ApiFactory> StartAsync(PgFixture postgres, string name) => Create(
        await postgres.CreateDatabaseAsync(name + "_" + Guid.NewGuid().ToString("N")));

    /// <summary>For test classes whose host must exist when their constructor runs (xunit builds them synchronously).</summary>
    public static ApiFactory Start(PgFixture postgres, string name) => Create(
        postgres.CreateDatabaseAsync(name + "_" + Guid.NewGuid().ToString("N")).GetAwaiter().GetResult());

    private static ApiFactory Create(string connectionString) => new(new Dictionary<string, string>
    {
        ["ConnectionStrings:ImsLab"] = connectionString,
        ["ImsLab:Secrets:MasterKey"] = MasterKey,
    });
}
