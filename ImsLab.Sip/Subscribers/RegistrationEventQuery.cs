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

    /// <summary>
    /// Only events about one of these IMPUs (each exact, case-insensitive); null for any IMPU, empty for none. A filter
    /// by one IMPU passes its implicit registration set here (<see cref="Monitoring.ImplicitSetResolver"/>).
    /// </summary>
    public IReadOnlyCollection<string>? Impus { get; init; }

    /// <summary>Only events about this IMPI (exact, case-insensitive).</summary>
    public string? Impi { get; init; }

    /// <summary>Only events of this type.</summary>
    public RegistrationEventType? Type { get; init; }

    /// <summary>At most this many events (capped at <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Whether to load the SIP traces (they are large; lists usually leave them out).</summary>
    public bool IncludeSipTrace { get; init; }

    /// <summary>
    /// Whether <paramref name="registrationEvent"/> meets every criterion (the limit aside): how a live event is held to
    /// the query its history came from, and what every log must return.
    /// </summary>
    public bool Matches(RegistrationEvent registrationEvent)
    {
        ArgumentNullException.ThrowIfNull(registrationEvent);
        if (Since is { } since && registrationEvent.OccurredAt < since) return false;
        if (Until is { } until && registrationEvent.OccurredAt >= until) return false;
        if (Type is { } type && registrationEvent.Type != type) return false;
        if (Impi is { } impi && !string.Equals(registrationEvent.Impi, impi, StringComparison.OrdinalIgnoreCase)) return false;
        return Impus is null || (registrationEvent.Impu is { } impu && Impus.Contains(impu, StringComparer.OrdinalIgnoreCase));
    }
}
