namespace ImsLab.Data;

/// <summary>Which database holds the data.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file under the data directory (the default).</summary>
    Sqlite,
    /// <summary>PostgreSQL, chosen by a ConnectionStrings:ImsLab connection string.</summary>
    PostgreSql,
}
