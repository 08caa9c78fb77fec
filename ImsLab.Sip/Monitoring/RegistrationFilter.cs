namespace ImsLab.Sip.Monitoring;

/// <summary>Which live bindings to list; every criterion is optional.</summary>
public sealed record RegistrationFilter
{
    /// <summary>Largest page size honoured.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Only bindings of this IMPU (exact, case-insensitive).</summary>
    public string? Impu { get; init; }

    /// <summary>Only bindings of this IMPI (exact, case-insensitive).</summary>
    public string? Impi { get; init; }

    /// <summary>Only bindings whose IMPU, IMPI, contact or user agent contains this text (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Bindings per page (1 to <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 50;
}
