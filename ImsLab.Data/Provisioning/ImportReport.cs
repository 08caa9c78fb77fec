namespace ImsLab.Data.Provisioning;

/// <summary>
/// The result of an import: all rows were stored (<see cref="Errors"/> empty), or none were (every problem listed).
/// </summary>
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>True when every row was stored.</summary>
    public bool Succeeded => Errors.Count == 0;
}
