using System.Text.Json;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// One problem in an import file. Nothing of the file is echoed but a cell that can be an IMPI: a quote left open
/// swallows the rest of the file into the first cell, keys and passwords with it, and System.Text.Json's messages
/// quote the octet they stopped at.
/// </summary>
public sealed record ImportRowError
{
    // RFC 4282 NAIs have no separators, quotes or whitespace; 256 is the validator's limit for an IMPI.
    private const int MaxEchoedImpi = 256;

    /// <param name="row">1-based data row (CSV: not counting the header; JSON: array position + 1); 0 for the whole file.</param>
    /// <param name="impi">The row's IMPI cell, kept only when it can be an identity.</param>
    /// <param name="field">The field at fault.</param>
    /// <param name="message">What is wrong.</param>
    public ImportRowError(int row, string? impi, string field, string message)
    {
        Row = row;
        Impi = impi is { Length: > 0 and <= MaxEchoedImpi } && !impi.AsSpan().ContainsAny(",;\"'\r\n\t ") ? impi : null;
        Field = field;
        Message = message;
    }

    public int Row { get; }

    public string? Impi { get; }

    public string Field { get; }

    public string Message { get; }

    /// <summary>A JSON file or element that did not read, located by its path and position only.</summary>
    public static ImportRowError ForJson(int row, JsonException exception, string what)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ImportRowError(row, null, exception.Path ?? "$",
            $"{what}: malformed JSON or a value of the wrong type{JsonErrorLocation.Describe(exception)}.");
    }
}
