namespace ImsLab.Sip.Ue;

/// <summary>A state transition of a simulated UE, as raised by <see cref="UeSimulator.StateChanged"/>.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
/// <param name="Reason">Why, when the new state is a failure or an end.</param>
/// <param name="StatusCode">The SIP status code that caused the change, when one did.</param>
/// <param name="Detail">A human-readable explanation for the lab engineer.</param>
/// <param name="At">When it happened, on the simulator's clock.</param>
public sealed record UeStateChange(
    UeRegistrationState Previous,
    UeRegistrationState Current,
    UeFailureReason Reason,
    int? StatusCode,
    string? Detail,
    DateTimeOffset At);
