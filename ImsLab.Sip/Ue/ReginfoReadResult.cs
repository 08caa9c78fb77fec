using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Ue;

/// <summary>The outcome of <see cref="ReginfoDocumentReader.Read(ReadOnlySpan{byte})"/>: a document, or a reason.</summary>
public readonly record struct ReginfoReadResult(UeReginfoDocument? Document, ReginfoReadError Error, string? ErrorDetail)
{
    /// <summary>True when <see cref="Document"/> holds the parsed document.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool Success => Document is not null;

    internal static ReginfoReadResult Failed(ReginfoReadError error, string detail) => new(null, error, detail);
}
