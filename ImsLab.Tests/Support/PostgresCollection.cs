namespace ImsLab.Tests.Support;

/// <summary>
/// Every test class that needs PostgreSQL joins this collection with [Collection(PostgresCollection.Name)] so the
/// cluster starts once per test run; classes in it run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PgFixture>
{
    public const string Name = "Postgres";
}
