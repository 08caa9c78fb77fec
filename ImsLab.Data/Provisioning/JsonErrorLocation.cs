using System.Text.Json;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// Where a JSON input stopped making sense, from the exception's structured parts only: System.Text.Json's message
/// quotes the octet it stopped at, which can be part of a key or a password.
/// </summary>
public static class JsonErrorLocation
{
    /// <summary>" at $.path (line L, byte B)": the path ($, the document, when unknown) and the position when known.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = $" at {(exception.Path is { Length: > 0 } path ? path : "$")}";
        var position = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $" (line {line + 1}, byte {column + 1})"
            : string.Empty;
        return where + position;
    }
}
