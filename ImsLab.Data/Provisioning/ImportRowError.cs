namespace ImsLab.Data.Provisioning;

/// <summary>One problem in an import file.</summary>
/// <param name="Row">1-based data row (CSV: not counting the header; JSON: array position + 1).</param>
/// <param name="Impi">The row's IMPI when readable.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportRowError(int Row, string? Impi, string Field, string Message);
