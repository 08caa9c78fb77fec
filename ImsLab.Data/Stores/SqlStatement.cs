using System.Data.Common;

namespace ImsLab.Data.Stores;

/// <summary>
/// One hand-written statement and its named values, not yet bound to a connection: a <see cref="SqlUnit"/> turns it
/// into a command (SQLite) or into one command of a batch (PostgreSQL).
/// </summary>
internal sealed class SqlStatement
{
    private readonly List<(string Name, object? Value)> _parameters = [];

    public string Text { get; set; } = string.Empty;

    public void Add(string name, object? value) => _parameters.Add((name, value));

    /// <summary>Copies the values into <paramref name="target"/>, with <paramref name="create"/> making each parameter.</summary>
    public void BindTo(DbParameterCollection target, Func<DbParameter> create)
    {
        foreach (var (name, value) in _parameters)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            target.Add(parameter);
        }
    }
}
