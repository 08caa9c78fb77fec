namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Implemented by the registrar: ends the live registrations of an IMPI (network-initiated deregistration,
/// TS 24.229 5.4.1.5, with reg-event NOTIFYs) before provisioning deletes the subscriber, so no binding outlives
/// its subscriber.
/// </summary>
public interface ILiveRegistrationTerminator
{
    /// <summary>Deregisters every binding registered by <paramref name="impi"/>; completes when they are gone.</summary>
    ValueTask TerminateAsync(string impi, CancellationToken cancellationToken);
}
