namespace ImsLab.Sip.Subscribers;

/// <summary>A filter over the event log; every criterion is optional. Results come newest first.</summary>
public sealed record RegistrationEventQuery
{
    /// <summary>Largest <see cref="Limit"/> honoured.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Only events at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events about this IMPU (exact, case-insensitive).</summary>
    public string? Impu { get; init; }

    /// <summary>Only events about this IMPI (exact, case-insensitive).</summary>
    public string? Impi { get; init; }

    /// <summary>Only events of this type.</summary>
    public RegistrationEventType? Type { get; init; }

    /// <summary>At most this many events (capped at <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Whether to load the SIP traces (they are large; lists usually leave them out).</summary>
    public bool IncludeSipTrace { get; init; }
}
