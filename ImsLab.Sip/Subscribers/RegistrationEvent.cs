namespace ImsLab.Sip.Subscribers;

/// <summary>
/// One entry of the registration and audit event log: what happened to whom, on which flow, why, and who did it.
/// </summary>
public sealed record RegistrationEvent
{
    /// <summary>Unique id, chosen by the producer (a version 7 GUID sorts by time).</summary>
    public required Guid Id { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened.</summary>
    public required RegistrationEventType Type { get; init; }

    /// <summary>The IMPU concerned, when there is one.</summary>
    public string? Impu { get; init; }

    /// <summary>The IMPI concerned, when there is one.</summary>
    public string? Impi { get; init; }

    /// <summary>The contact concerned, when there is one.</summary>
    public string? Contact { get; init; }

    /// <summary>The flow, as <see cref="BindingFlow.ToString"/> prints it, when there is one.</summary>
    public string? Flow { get; init; }

    /// <summary>Why: a SIP status and reason, a failure reason, or an audit description (never a secret).</summary>
    public string? Reason { get; init; }

    /// <summary>Who caused it: "ue", "network", "registrar", or a user/API key name for audit events.</summary>
    public string? Actor { get; init; }

    /// <summary>The SIP messages of the exchange, when traced.</summary>
    public IReadOnlyList<SipTraceEntry>? SipTrace { get; init; }
}
